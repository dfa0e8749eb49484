package io.fwgate.cli.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fwgate.platform.AuditTrail;
import io.fwgate.platform.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fwgate audit}: prints the audit records (JSON lines with {@code --json}) or, with {@code --verify},
 * checks the hash chain and ends with {@link ExitCode#FAILURE} if the log was tampered with.
 */
@Command(name = "audit", description = "Show the audit log, or verify that it is intact.")
final class AuditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--verify", description = "Check the hash chain and the sealed head instead of printing records.")
    boolean verify;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Show only the newest N records (0, the default, shows all).")
    int limit;

    @Spec
    CommandSpec spec;

    private final Context context;

    AuditCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, not " + limit);
        }
        AuditTrail trail = context.gateway().audit();
        try {
            return verify ? verify(trail) : print(trail.records(limit));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot read the audit log: " + e.getMessage(), e);
        }
    }

    private int verify(AuditTrail trail) throws IOException {
        AuditVerification verdict = trail.verify();
        if (options.json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("intact", verdict.intact());
            map.put("records", verdict.records());
            map.put("problem", verdict.problem());
            Json.print(context.out(), map);
        } else if (verdict.intact()) {
            context.out().println("audit log intact: " + verdict.records() + " records");
        }
        if (!verdict.intact()) {
            context.err().println("fwgate: audit log broken after " + verdict.records() + " good records: "
                    + verdict.problem());
            return ExitCode.FAILURE.code();
        }
        return ExitCode.SUCCESS.code();
    }

    private int print(List<Map<String, Object>> records) {
        for (Map<String, Object> record : records) {
            if (options.json) {
                Json.line(context.out(), record);
            } else {
                context.out().println(line(record));
            }
        }
        return ExitCode.SUCCESS.code();
    }

    /** One human line: sequence, time, caller, device, command, then the gate's decision or the call's result. */
    static String line(Map<String, Object> record) {
        return String.join(" ", "#" + text(record.get("seq")), text(record.get("time")), "uid=" + uid(record),
                text(record.get("device")), text(record.get("command")), outcome(record));
    }

    private static String uid(Map<String, Object> record) {
        return record.get("caller") instanceof Map<?, ?> caller ? text(caller.get("uid")) : "-";
    }

    /** The core writes two records per call: the decision before sending, the result after. */
    private static String outcome(Map<String, Object> record) {
        if (record.containsKey("decision")) {
            String decision = "decision=" + text(record.get("decision"));
            return "refused".equals(record.get("decision")) ? decision + " (" + text(record.get("reason")) + ")"
                    : decision;
        }
        String result = "result=" + text(record.get("result"));
        return record.containsKey("status-name") ? result + " status=" + text(record.get("status-name")) : result;
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
