package io.fwgate.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/**
 * An emulated NVMe controller behind its admin queue: one 1 GiB namespace with 512- and 4096-byte LBA
 * formats, five features, three firmware slots, an error log and a 10-second background sanitize, all
 * answering as the NVMe base spec says, errors included. Pure Java; time comes from an injected
 * nanosecond source. Thread-safe.
 *
 * <p>Request mapping: {@code opcode} is the admin opcode; the parameters {@code nsid} and
 * {@code cdw10}..{@code cdw15} (absent: 0) are the command's dwords; the payload is the
 * host-to-controller data; {@code maxResponseSize} is the host's buffer for controller-to-host data. The
 * response's status is the Status Field as {@code SCT << 8 | SC} and its field {@code result} is
 * completion dword 0.
 */
final class NvmeController implements EmulatedDevice {
    /** QEMU's NVMe controller ids: PCI 1B36h:0010h, subsystem vendor 1AF4h. */
    static final NvmeIdentity IDENTITY = new NvmeIdentity(0x1b36, 0x1af4, 0x0010, "FWGATE-NVME-0001",
            "fwgate emulated NVMe", "1.0");
    static final Set<String> PARAMETERS = Set.of("nsid", "cdw10", "cdw11", "cdw12", "cdw13", "cdw14", "cdw15");

    private final DeviceInfo info;
    private final AdminQueue queue;

    /**
     * @param id the device's id
     * @param nanos a monotonic nanosecond source, e.g. {@code System::nanoTime}
     */
    NvmeController(DeviceId id, LongSupplier nanos) {
        this(id, IDENTITY, List.of(), nanos);
    }

    /**
     * @param id the device's id
     * @param identity what the controller reports about itself
     * @param vendor vendor specific commands (opcodes C0h to FFh) to support besides the standard ones
     * @param nanos a monotonic nanosecond source
     * @throws IllegalArgumentException if two commands share an opcode
     */
    NvmeController(DeviceId id, NvmeIdentity identity, List<AdminCommandSet> vendor, LongSupplier nanos) {
        this.info = new DeviceInfo(id, DeviceKind.NVME_CONTROLLER, identity.vendorId(), identity.deviceId(),
                Optional.of(identity.serial()), identity.model());
        Namespace namespace = new Namespace();
        ErrorLog errors = new ErrorLog();
        NvmeFeatures features = new NvmeFeatures();
        FirmwareSlots firmware = new FirmwareSlots(identity.firmware());
        NvmeSanitize sanitize = new NvmeSanitize(nanos, namespace);
        SmartHealth health = new SmartHealth(features, errors);
        Map<Integer, Supplier<byte[]>> logs = Map.of(
                LogPageCommands.ERROR_INFORMATION, errors::bytes,
                LogPageCommands.SMART_HEALTH, health::bytes,
                LogPageCommands.FIRMWARE_SLOT, firmware::slotLog,
                LogPageCommands.COMMANDS_SUPPORTED_AND_EFFECTS, this::effectsLog,
                LogPageCommands.SANITIZE_STATUS, sanitize::statusLog);
        List<AdminCommandSet> sets = new ArrayList<>(List.of(new IdentifyCommands(identity, namespace, firmware),
                new LogPageCommands(logs), features, new FormatCommand(namespace), sanitize, firmware));
        sets.addAll(vendor);
        this.queue = new AdminQueue(sanitize, errors, sets);
    }

    private byte[] effectsLog() {
        return queue.effectsLog();
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    /**
     * @throws IllegalArgumentException if the opcode does not fit 8 bits, a parameter is not
     *         {@code nsid} or {@code cdw10}..{@code cdw15}, or a value does not fit 32 bits
     */
    @Override
    public DeviceResponse send(DeviceRequest request) {
        if (request.opcode() < 0 || request.opcode() > 0xff) {
            throw new IllegalArgumentException(
                    String.format("NVMe admin opcode 0x%x does not fit 8 bits", request.opcode()));
        }
        long[] cdw = new long[6];
        for (Map.Entry<String, Long> parameter : request.parameters().entrySet()) {
            long value = parameter.getValue();
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new IllegalArgumentException("NVMe admin commands take nsid and cdw10 to cdw15, not '"
                        + parameter.getKey() + "'");
            }
            if (value < 0 || value > 0xffff_ffffL) {
                throw new IllegalArgumentException(parameter.getKey() + " = " + value + " does not fit 32 bits");
            }
            if (!parameter.getKey().equals("nsid")) {
                cdw[Integer.parseInt(parameter.getKey().substring(3)) - 10] = value;
            }
        }
        long nsid = request.parameters().getOrDefault("nsid", 0L);
        NvmeInput input = new NvmeInput(nsid, cdw, request.payload(), request.maxResponseSize());
        NvmeAnswer answer = submit(request.opcode(), input);
        return new DeviceResponse(answer.status().value(), answer.payload(), Map.of("result", answer.result()));
    }

    /**
     * @param opcode the admin opcode
     * @param input the command
     * @return the controller's answer
     */
    NvmeAnswer submit(int opcode, NvmeInput input) {
        return queue.submit(opcode, input);
    }
}
