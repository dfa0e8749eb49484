package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import io.fwgate.platform.Caller;

/** One CLI run's outcome, for assertions. */
record Run(int exit, String out, String err) {
    static final Caller ROOT = new Caller(0, 0, new long[] { 0 });

    static Run of(FakeGateway gateway, String... args) {
        return of(gateway, () -> ROOT, args);
    }

    static Run of(FakeGateway gateway, Context.CallerSource callers, String... args) {
        return of(gateway, callers, environment(false, Map.of()), args);
    }

    static Run of(FakeGateway gateway, Context.CallerSource callers, Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new Cli(gateway, callers, () -> "1.2.3", environment).run(args, new PrintWriter(out),
                new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    /** A clock that moves only by the pauses between polls, the given properties, and a daemon that refuses to run. */
    static Environment environment(boolean terminal, Map<String, String> properties) {
        return environment(terminal, properties, new FakePacer());
    }

    /** The given properties and pacer, and a daemon that refuses to run. */
    static Environment environment(boolean terminal, Map<String, String> properties, Environment.Pacer pacer) {
        Map<String, String> copy = new HashMap<>(properties);
        return new Environment(copy::get, terminal, pacer, (gateway, settings, out, err) -> {
            throw new AssertionError("this test runs no daemon");
        });
    }
}
