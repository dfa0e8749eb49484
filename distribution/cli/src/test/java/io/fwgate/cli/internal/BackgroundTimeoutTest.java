package io.fwgate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallResult;

/**
 * Reliability finding F9: a device whose background operation reports "running" forever must not keep the
 * CLI polling (two audit records a poll) forever. The clock is the fake pacer's: hours pass in no time.
 */
class BackgroundTimeoutTest {
    private static final String HANDLE = "emu:mem0:0x4400:44";
    private final FakeGateway gateway = new FakeGateway();
    private final FakePacer pacer = new FakePacer();

    private static BackgroundProgress running(int percent) {
        return new BackgroundProgress(true, percent, 0x4400, 0, "running");
    }

    private Run run(String... args) {
        return Run.of(gateway, () -> Run.ROOT, Run.environment(false, Map.of(), pacer), args);
    }

    private void sanitizeStartsInTheBackground() {
        gateway.answer = (caller, request) -> new CallResult(request.device(), request.command(), 0x4400,
                Level.DEBUG_WRITE_FULL, Reach.DEVICE, 1, Background.STARTED, Map.of(), 44);
    }

    @Test
    void anOperationStuckAtOnePercentageIsLeftAfterTheDefaultTimeoutWithItsHandle() {
        sanitizeStartsInTheBackground();
        gateway.progress.add(running(40));

        Run run = run("call", "emu:mem0", "sanitize", "--confirm");

        assertThat(run.exit()).isEqualTo(ExitCode.STILL_RUNNING.code()).isEqualTo(6);
        assertThat(run.err()).isEqualTo("fwgate: emu:mem0 background operation 0x4400 reported no progress for 30m "
                + "(still 40%); stopped waiting, it may still run: follow it with 'fwgate wait " + HANDLE + "'\n");
        assertThat(pacer.elapsed()).as("the last poll falls on the timeout").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void pollsThinOutToTheLongestPauseSoAStuckHourCostsFewPolls() {
        gateway.progress.add(running(40));

        Run run = run("wait", HANDLE, "--wait-timeout", "1h");

        assertThat(run.exit()).isEqualTo(6);
        assertThat(pacer.pauses.get(0)).isEqualTo(Background.FIRST_PAUSE);
        assertThat(pacer.pauses).contains(Background.LONGEST_PAUSE)
                .allMatch(pause -> pause.compareTo(Background.LONGEST_PAUSE) <= 0);
        // growing, except the last, which is cut short to end on the timeout
        assertThat(pacer.pauses.subList(0, pacer.pauses.size() - 1)).isSortedAccordingTo(Duration::compareTo);
        // at 200 ms an hour was 18,000 polls; pauses of 5 s make it about 720 and a few while they grow
        assertThat(gateway.polled).hasSizeBetween(720, 800);
    }

    @Test
    void aSlowOperationThatKeepsProgressingIsFollowedToItsEnd() {
        // one percent every 20 minutes, under the default 30 minutes without progress: 33 hours in all
        pacer.afterEachPause(() -> {
            long percent = Math.min(100, Duration.ofNanos(pacer.nanoTime()).toMinutes() / 20);
            gateway.progress.clear();
            gateway.progress.add(percent < 100 ? running((int) percent)
                    : new BackgroundProgress(false, 100, 0x4400, 0, "success"));
        });
        gateway.progress.add(running(0));

        Run run = run("wait", HANDLE, "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(101).last().asString().contains("\"running\":false");
        assertThat(pacer.elapsed()).isGreaterThan(Duration.ofHours(33));
    }

    @Test
    void withJsonTheProgressLinesCarryTheHandleAndStderrSaysWhyItStopped() {
        gateway.progress.add(running(7));

        Run run = run("wait", HANDLE, "--json", "--wait-timeout=90s");

        assertThat(run.exit()).isEqualTo(6);
        assertThat(run.out()).isEqualTo("{\"handle\":\"" + HANDLE
                + "\",\"progress\":7,\"running\":true,\"status\":0,\"status-name\":\"running\"}\n");
        assertThat(run.err()).contains("no progress for 90s (still 7%)", "'fwgate wait " + HANDLE + "'");
        assertThat(pacer.elapsed()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void onATerminalTheBarIsEndedBeforeTheMessage() {
        gateway.progress.add(running(50));

        Run run = Run.of(gateway, () -> Run.ROOT, Run.environment(true, Map.of(), pacer), "wait", HANDLE,
                "--wait-timeout", "1m");

        assertThat(run.exit()).isEqualTo(6);
        assertThat(run.err())
                .contains(" 50%\nfwgate: emu:mem0 background operation 0x4400 reported no progress for 1m");
    }

    @Test
    void aMalformedTimeoutIsAUsageErrorAndNothingIsPolled() {
        for (String timeout : new String[] { "10", "0s", "1d", "-5m", "PT5M" }) {
            Run run = run("wait", HANDLE, "--wait-timeout", timeout);

            assertThat(run.exit()).as(timeout).isEqualTo(2);
            assertThat(run.err()).contains("'" + timeout + "' is not a duration such as 90s, 45m or 2h");
        }
        assertThat(gateway.polled).isEmpty();
    }

    @Test
    void theTimeoutReadsAsWritten() {
        assertThat(WaitOptions.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(WaitOptions.parse("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(WaitOptions.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Background.text(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Background.text(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Background.text(Duration.ofHours(2))).isEqualTo("2h");
        assertThatThrownBy(() -> WaitOptions.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePauseIsATenthOfTheTimeFollowedWithinItsBounds() {
        assertThat(Background.pauseAfter(Duration.ZERO)).isEqualTo(Background.FIRST_PAUSE);
        assertThat(Background.pauseAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Background.pauseAfter(Duration.ofHours(5))).isEqualTo(Background.LONGEST_PAUSE);
    }

    @Test
    void theHelpNamesTheOptionItsDefaultAndTheExitCode() {
        assertThat(run("wait", "--help").out()).contains("--wait-timeout=DURATION", "Default: 30m", "exit 6");
        assertThat(run("--help").out()).containsPattern("(?m)^\\s+6\\s+stopped waiting on a background operation");
    }
}
