package io.fwgate.emulator.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.fwgate.api.Effect;

/**
 * Firmware Image Download (11h), Firmware Commit (10h) and the Firmware Slot Information log (LID
 * 03h). Three slots; slot 1 is read-only and holds the running firmware at start; activation without
 * reset is supported. An image is valid when it starts with {@link #MAGIC} followed by its 8-byte
 * ASCII revision. Guarded by the controller's lock.
 */
final class FirmwareSlots implements AdminCommandSet {
    static final int COMMIT = 0x10;
    static final int DOWNLOAD = 0x11;
    static final int SLOTS = 3;
    /** Identify Controller FRMW: bit 0 slot 1 read-only, bits 3:1 slot count, bit 4 activation without reset. */
    static final int FRMW = 1 | SLOTS << 1 | 1 << 4;
    static final byte[] MAGIC = "FWGATEFW".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 16;
    /** The largest image the controller stages. */
    static final int MAX_IMAGE = 1 << 20;
    /** The largest transfer one command may carry: MDTS 7 with 4 KiB pages, 512 KiB. */
    static final int MAX_TRANSFER = 4096 << 7;
    static final int LOG_SIZE = 512;
    /**
     * Commit actions (cdw10 bits 5:3): 0 replace, 1 replace and activate at the next reset, 2 activate
     * at the next reset, 3 activate now (replacing first when an image is staged); 6 and 7 are for boot
     * partitions, which this controller does not have.
     */
    static final int REPLACE = 0;
    static final int ACTIVATE_AT_RESET = 2;
    static final int ACTIVATE_NOW = 3;

    private final String[] revisions = new String[SLOTS + 1];
    private final Map<Integer, byte[]> staged = new TreeMap<>();
    private int active = 1;
    private int nextReset;
    private String running;

    /**
     * @param revision the revision of the firmware in slot 1, at most 8 ASCII characters
     */
    FirmwareSlots(String revision) {
        revisions[1] = revision;
        running = revision;
    }

    @Override
    public List<NvmeCommand> commands() {
        return List.of(
                // staging an image changes nothing the host can see until it is committed
                new NvmeCommand(DOWNLOAD, "Firmware Image Download", NvmeCommand.effectSet(), 0, false, true,
                        this::download),
                // activation changes the running firmware, so the controller's capabilities may change
                new NvmeCommand(COMMIT, "Firmware Commit", NvmeCommand.effectSet(Effect.CONTROLLER_CAPABILITY_CHANGE),
                        0, false, false, this::commit));
    }

    /** @return the running firmware's revision, as Identify Controller FR reports it */
    String running() {
        return running;
    }

    /**
     * NUMD (cdw10) is the 0-based number of dwords, OFST (cdw11) the offset in dwords. The data must be
     * exactly NUMD + 1 dwords; a portion overlapping one already staged is refused (Overlapping Range).
     */
    private NvmeAnswer download(NvmeInput input) {
        long length = (input.cdw(10) + 1) * 4;
        long offset = input.cdw(11) * 4;
        if (input.payload().length != length || length > MAX_TRANSFER || offset + length > MAX_IMAGE) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        for (Map.Entry<Integer, byte[]> part : staged.entrySet()) {
            if (offset < part.getKey() + part.getValue().length && part.getKey() < offset + length) {
                return NvmeAnswer.of(NvmeStatus.OVERLAPPING_RANGE);
            }
        }
        staged.put((int) offset, input.payload().clone());
        return NvmeAnswer.ok();
    }

    /** FS is cdw10 bits 2:0, CA bits 5:3; bits 30:6 are reserved and BPID (bit 31) needs boot partitions. */
    private NvmeAnswer commit(NvmeInput input) {
        int slot = input.bits(10, 2, 0);
        int action = input.bits(10, 5, 3);
        if ((input.cdw(10) >>> 6) != 0 || action > ACTIVATE_NOW) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIELD);
        }
        // activate-now replaces the slot's image first when one is staged
        boolean replace = action != ACTIVATE_AT_RESET && (action != ACTIVATE_NOW || !staged.isEmpty());
        if (replace && slot == 0) {
            slot = 2; // the controller chooses: the first writable slot
        }
        if (slot == 0 || slot > SLOTS || (replace && slot == 1)) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIRMWARE_SLOT);
        }
        if (replace) {
            Optional<String> revision = stagedRevision();
            staged.clear();
            if (revision.isEmpty()) {
                return NvmeAnswer.of(NvmeStatus.INVALID_FIRMWARE_IMAGE);
            }
            revisions[slot] = revision.get();
        } else if (revisions[slot] == null) {
            return NvmeAnswer.of(NvmeStatus.INVALID_FIRMWARE_IMAGE);
        }
        if (action == ACTIVATE_NOW) {
            active = slot;
            running = revisions[slot];
            nextReset = 0;
        } else if (action != REPLACE) {
            nextReset = slot; // replace-and-activate or activate at the next reset
        }
        return NvmeAnswer.ok();
    }

    /** @return the staged image's revision; empty if nothing is staged, it has gaps or a bad header */
    private Optional<String> stagedRevision() {
        int end = 0;
        for (Map.Entry<Integer, byte[]> part : staged.entrySet()) {
            if (part.getKey() != end) {
                return Optional.empty();
            }
            end += part.getValue().length;
        }
        byte[] image = new byte[end];
        staged.forEach((offset, part) -> System.arraycopy(part, 0, image, offset, part.length));
        if (end < HEADER_SIZE || !Arrays.equals(image, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        String revision = new String(image, MAGIC.length, HEADER_SIZE - MAGIC.length, StandardCharsets.US_ASCII)
                .replace('\0', ' ').strip();
        boolean printable = !revision.isEmpty() && revision.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return printable ? Optional.of(revision) : Optional.empty();
    }

    /**
     * @return the Firmware Slot Information log: AFI at 0 (bits 2:0 the active slot, bits 6:4 the slot
     *         activated at the next reset), then FRS1..FRS7 (8 ASCII bytes each, space padded) from 8;
     *         an empty slot reads zero
     */
    byte[] slotLog() {
        ByteBuffer out = Bytes.out(LOG_SIZE).put(0, (byte) (active | nextReset << 4));
        for (int slot = 1; slot <= SLOTS; slot++) {
            if (revisions[slot] != null) {
                out.put(8 * slot, Bytes.spacePadded(revisions[slot], 8));
            }
        }
        return out.array();
    }
}
