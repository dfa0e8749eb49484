package io.fwgate.mctp.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.fwgate.api.DeviceKind;
import io.fwgate.cci.Fabric;

/**
 * What discovery learned about an endpoint: the message types it lists in MCTP control's Get Message Type
 * Support, or why it could not be asked, and for a switch, what is behind its ports. Immutable.
 *
 * @param types the message type numbers the endpoint lists (control, 00h, is implied and not listed)
 * @param failure why discovery failed, or empty
 * @param fabric what is behind a switch's ports; {@link Fabric#NONE} for other endpoints
 */
record Discovery(List<Integer> types, Optional<String> failure, Fabric fabric) {
    Discovery {
        types = List.copyOf(types);
    }

    static Discovery of(List<Integer> types) {
        return new Discovery(types, Optional.empty(), Fabric.NONE);
    }

    static Discovery failed(String why) {
        return new Discovery(List.of(), Optional.of(why), Fabric.NONE);
    }

    /** @return this discovery with what was found behind the switch's ports */
    Discovery with(Fabric behind) {
        return new Discovery(types, failure, behind);
    }

    boolean speaks(MessageType type) {
        return type == MessageType.CONTROL || types.contains(type.code());
    }

    /**
     * A switch's management endpoint speaks the FM API; a type 3 device the CCI message type. An endpoint
     * that speaks both is managed as a switch.
     *
     * @return the kind the endpoint's message types make it
     */
    DeviceKind kind() {
        if (speaks(MessageType.CXL_FM_API)) {
            return DeviceKind.CXL_SWITCH;
        }
        return speaks(MessageType.CXL_CCI) ? DeviceKind.CXL_MEMORY_DEVICE : DeviceKind.MCTP_ENDPOINT;
    }

    /** @return the message type CXL commands travel as, if the endpoint speaks one */
    Optional<MessageType> cxlType() {
        return switch (kind()) {
            case CXL_SWITCH -> Optional.of(MessageType.CXL_FM_API);
            case CXL_MEMORY_DEVICE -> Optional.of(MessageType.CXL_CCI);
            default -> Optional.empty();
        };
    }

    /** @return what the endpoint speaks, for {@code list}: known types by name, others by number */
    String describe() {
        if (failure.isPresent()) {
            return "does not answer MCTP discovery: " + failure.get();
        }
        String listed = types.stream().map(Discovery::label).collect(Collectors.joining(", "));
        return "speaks " + MessageType.CONTROL.label() + (listed.isEmpty() ? "" : ", " + listed) + fabric.describe();
    }

    private static String label(int code) {
        try {
            return MessageType.of(code).label();
        } catch (IllegalArgumentException e) {
            return String.format("type %02xh", code);
        }
    }
}
