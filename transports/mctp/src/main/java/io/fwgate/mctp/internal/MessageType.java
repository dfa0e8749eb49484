package io.fwgate.mctp.internal;

/** The MCTP message types fwgate speaks (DSP0239), as the first byte of a message carries them. */
public enum MessageType {
    /** MCTP control: endpoint discovery. */
    CONTROL(0x00),
    /** NVMe-MI, always sent with the integrity check bit (84h on the wire). */
    NVME_MI(0x04),
    /** CXL FM API: switch and MLD management. */
    CXL_FM_API(0x07),
    /** CXL CCI: component commands of a type 3 device. */
    CXL_CCI(0x08);

    /** Bit 7 of the message type byte: a message integrity check follows the message. */
    static final int INTEGRITY_CHECK = 0x80;

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** @return the type's number, without the integrity check bit */
    public int code() {
        return code;
    }

    /**
     * @param code a message type number
     * @return the message type fwgate speaks with that number
     * @throws IllegalArgumentException if fwgate does not speak it
     */
    public static MessageType of(long code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException(String.format("MCTP message type %d is not one fwgate speaks (0 control, "
                + "4 NVMe-MI, 7 CXL FM API, 8 CXL CCI)", code));
    }

    /** @return the type's name for people, e.g. {@code NVMe-MI (04h)} */
    public String label() {
        String name = switch (this) {
            case CONTROL -> "MCTP control";
            case NVME_MI -> "NVMe-MI";
            case CXL_FM_API -> "CXL FM API";
            case CXL_CCI -> "CXL CCI";
        };
        return String.format("%s (%02xh)", name, code);
    }

    /** @return the first byte of a message of this type */
    int firstByte() {
        return this == NVME_MI ? code | INTEGRITY_CHECK : code;
    }

    /** @return true if {@code message} (type byte first) is of this type, with or without integrity check */
    boolean carries(byte[] message) {
        return message.length > 0 && (message[0] & ~INTEGRITY_CHECK & 0xff) == code;
    }

    /** @return {@code body} behind this type's first byte */
    byte[] message(byte[] body) {
        byte[] message = new byte[body.length + 1];
        message[0] = (byte) firstByte();
        System.arraycopy(body, 0, message, 1, body.length);
        return message;
    }
}
