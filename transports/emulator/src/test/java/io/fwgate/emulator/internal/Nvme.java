package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import io.fwgate.api.DeviceId;

/**
 * Drives an emulated NVMe controller on a test clock and builds expected data by hand at the spec's
 * offsets (with {@link Spec}). Deliberately independent of the production encoders.
 */
final class Nvme {
    static final int IDENTIFY = 0x06;
    static final int GET_LOG_PAGE = 0x02;
    static final int SET_FEATURES = 0x09;
    static final int GET_FEATURES = 0x0a;
    static final int FW_COMMIT = 0x10;
    static final int FW_DOWNLOAD = 0x11;
    static final int FORMAT_NVM = 0x80;
    static final int SANITIZE = 0x84;
    static final long ALL = 0xffff_ffffL;
    /** Status values, SCT << 8 | SC, written out from the spec's tables. */
    static final int INVALID_OPCODE = 0x001;
    static final int INVALID_FIELD = 0x002;
    static final int INVALID_NAMESPACE = 0x00b;
    static final int SANITIZE_IN_PROGRESS = 0x01d;
    static final int INVALID_FIRMWARE_SLOT = 0x106;
    static final int INVALID_FIRMWARE_IMAGE = 0x107;
    static final int INVALID_LOG_PAGE = 0x109;
    static final int INVALID_FORMAT = 0x10a;
    static final int FEATURE_NOT_SAVEABLE = 0x10d;
    static final int FEATURE_NOT_NAMESPACE_SPECIFIC = 0x10f;
    static final int OVERLAPPING_RANGE = 0x114;
    static final byte[] NONE = new byte[0];

    private Nvme() {
    }

    /** A fresh controller and the nanosecond clock it runs on. */
    static final class Rig {
        final AtomicLong nanos = new AtomicLong(5_000_000_000L);
        final NvmeController controller;

        Rig() {
            controller = new NvmeController(new DeviceId("emu", "nvme0"), nanos::get);
        }

        Rig(NvmeController controller) {
            this.controller = controller;
        }

        /** A command with no data and a 4 KiB buffer; {@code cdws} are cdw10, cdw11, ... */
        NvmeAnswer call(int opcode, long nsid, long... cdws) {
            return call(opcode, nsid, 4096, NONE, cdws);
        }

        NvmeAnswer call(int opcode, long nsid, int dataLength, byte[] payload, long... cdws) {
            return controller.submit(opcode, new NvmeInput(nsid, Arrays.copyOf(cdws, 6), payload, dataLength));
        }

        /** Get Log Page of {@code bytes} bytes from {@code offset}, NUMD split into NUMDL and NUMDU. */
        NvmeAnswer log(int lid, int bytes, long offset) {
            long numd = bytes / 4 - 1;
            return call(GET_LOG_PAGE, 0, Math.max(bytes, 4096), NONE, lid | (numd & 0xffff) << 16, numd >>> 16,
                    offset & 0xffff_ffffL, offset >>> 32);
        }

        byte[] logPage(int lid, int bytes) {
            NvmeAnswer answer = log(lid, bytes, 0);
            assertThat(answer.status()).as("log %02x", lid).isEqualTo(NvmeStatus.SUCCESS);
            return answer.payload();
        }

        byte[] identifyController() {
            return ok(call(IDENTIFY, 0, 1));
        }

        byte[] identifyNamespace() {
            return ok(call(IDENTIFY, 1, 0));
        }

        long getFeature(int fid, int selection, long cdw11) {
            NvmeAnswer answer = call(GET_FEATURES, 0, fid | selection << 8, cdw11);
            assertThat(answer.status()).isEqualTo(NvmeStatus.SUCCESS);
            return answer.result();
        }

        void advanceMillis(long millis) {
            nanos.addAndGet(millis * 1_000_000L);
        }
    }

    static byte[] ok(NvmeAnswer answer) {
        assertThat(answer.status()).isEqualTo(NvmeStatus.SUCCESS);
        return answer.payload();
    }

    static void assertStatus(NvmeAnswer answer, int status) {
        assertThat(answer.status().value()).as("status").isEqualTo(status);
        if (status != 0) {
            assertThat(answer.payload()).isEmpty();
            assertThat(answer.result()).isZero();
        }
    }

    /** @return {@code text} in ASCII, padded with spaces to {@code width}, as NVMe strings are */
    static byte[] padded(String text, int width) {
        byte[] out = new byte[width];
        Arrays.fill(out, (byte) ' ');
        Spec.putAscii(out, 0, text);
        return out;
    }

    /** @return u16 at {@code offset}, little-endian */
    static int u16(byte[] data, int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    /** @return u32 at {@code offset}, little-endian */
    static long u32(byte[] data, int offset) {
        return u16(data, offset) | (long) u16(data, offset + 2) << 16;
    }
}
