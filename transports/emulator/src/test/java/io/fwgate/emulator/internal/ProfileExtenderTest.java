package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;

class ProfileExtenderTest {
    private static final String RESOURCE = "OSGI-INF/fwgate/acme-emulation.json";

    @TempDir
    Path root;

    private final List<String> log = new ArrayList<>();
    private final EmulatorTransport transport = new EmulatorTransport(EmulatorTransport.standardDevices(() -> 0));
    private final ProfileExtender extender = new ProfileExtender(transport, () -> 0, log::add);

    private Bundle bundle(String header) {
        Map<String, String> headers = header == null ? Map.of() : Map.of(ProfileExtender.HEADER, header);
        return Fakes.bundle(7, "io.fwgate.plugin.acme", headers, root);
    }

    private Bundle acmeBundle() throws Exception {
        Fakes.write(root, RESOURCE, Files.readAllBytes(ProfileParserTest.ACME));
        return bundle(RESOURCE);
    }

    private List<String> addresses() {
        return transport.devices().stream().map(info -> info.id().address()).toList();
    }

    @Test
    void aStartedBundlesProfileDevicesJoinAndLeaveWithIt() throws Exception {
        Bundle acme = acmeBundle();

        List<ProfileExtender.Added> added = extender.addingBundle(acme, null);

        assertThat(log).isEmpty();
        assertThat(addresses()).containsExactly("acme-mem0", "acme-nvme0", "mem0", "nvme0");
        assertThat(transport.devices()).contains(new DeviceInfo(DeviceId.parse("emu:acme-nvme0"),
                DeviceKind.NVME_CONTROLLER, 0xacec, 0x0002, Optional.of("ACME-NVME-0001"),
                "Acme Memory Systems AN-2 NVMe SSD"));
        assertThat(transport.send(DeviceId.parse("emu:acme-mem0"), new DeviceRequest(0xc003, new byte[0], Map.of(), 4))
                .payload()).containsExactly(0, 12, 0, 0);

        extender.removedBundle(acme, null, added);

        assertThat(addresses()).containsExactly("mem0", "nvme0");
    }

    @Test
    void aBundleWithoutTheHeaderIsNotTracked() {
        assertThat(extender.addingBundle(bundle(null), null)).isNull();
        assertThat(extender.addingBundle(bundle(" "), null)).isNull();
    }

    @Test
    void anInvalidProfileIsIgnoredWithALogLine() {
        Fakes.write(root, "bad.json", "{\"format\":1,\"devices\":[]}".getBytes(StandardCharsets.UTF_8));

        assertThat(extender.addingBundle(bundle("bad.json"), null)).isEmpty();

        assertThat(log).containsExactly("fwgate emulator: profile io.fwgate.plugin.acme!/bad.json: ignored: "
                + "devices: a profile declares at least one device");
        assertThat(addresses()).containsExactly("mem0", "nvme0");
    }

    @Test
    void aMissingResourceIsIgnoredWithALogLineAndTheOthersStillLoad() throws Exception {
        acmeBundle();

        extender.addingBundle(bundle("missing.json, " + RESOURCE), null);

        assertThat(log).containsExactly("fwgate emulator: profile io.fwgate.plugin.acme!/missing.json: ignored: "
                + "the resource is not in the bundle");
        assertThat(addresses()).contains("acme-mem0", "acme-nvme0");
    }

    @Test
    void aDeviceWhoseAddressIsTakenIsIgnoredAndTheTakenDeviceStays() throws Exception {
        String json = new String(Files.readAllBytes(ProfileParserTest.ACME), StandardCharsets.UTF_8)
                .replace("\"acme-mem0\"", "\"mem0\"");
        Fakes.write(root, "clash.json", json.getBytes(StandardCharsets.UTF_8));
        Bundle clash = bundle("clash.json");

        List<ProfileExtender.Added> added = extender.addingBundle(clash, null);
        extender.removedBundle(clash, null, added);

        assertThat(log).containsExactly("fwgate emulator: profile io.fwgate.plugin.acme!/clash.json: "
                + "device emu:mem0 ignored: the address is already in use");
        assertThat(transport.devices()).extracting(DeviceInfo::serial).containsExactly(Optional.of("0xc0ffee00"),
                Optional.of("FWGATE-NVME-0001"));
    }

    @Test
    void theTransportTracksProfileBundlesOnlyWhileEmulationIsOn() throws Exception {
        Bundle acme = acmeBundle();

        EmulatorTransport on = new EmulatorTransport(Fakes.context(Map.of("fwgate.emulated", "true"), List.of(acme)));
        assertThat(on.devices()).extracting(info -> info.id().address())
                .containsExactly("acme-mem0", "acme-nvme0", "mem0", "nvme0", "switch0", "switch0/port1/ld0",
                        "switch0/port1/ld1");
        on.deactivate();
        assertThat(on.devices()).extracting(info -> info.id().address())
                .containsExactly("mem0", "nvme0", "switch0", "switch0/port1/ld0", "switch0/port1/ld1");

        EmulatorTransport off = new EmulatorTransport(Fakes.context(Map.of(), List.of(acme)));
        assertThat(off.devices()).isEmpty();
        off.deactivate();
    }
}
