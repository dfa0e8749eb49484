package io.fwgate.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.fwgate.platform.Caller;

/** One CLI run's outcome, for assertions. */
record Run(int exit, String out, String err) {
    static final Caller ROOT = new Caller(0, 0, new long[] { 0 });

    static Run of(FakeGateway gateway, String... args) {
        return of(gateway, () -> ROOT, args);
    }

    static Run of(FakeGateway gateway, Context.CallerSource callers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new Cli(gateway, callers, "1.2.3").run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }
}
