package io.fwgate.deployer.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fwgate.platform.AuditSink;

/** An audit sink that keeps records in memory and can be told to fail. */
final class FakeAudit implements AuditSink {
    record Record(String event, Map<String, Object> fields) {
    }

    final List<Record> records = new ArrayList<>();
    boolean failing;

    @Override
    public long append(String event, Map<String, Object> fields) throws IOException {
        if (failing) {
            throw new IOException("disk full");
        }
        records.add(new Record(event, Map.copyOf(fields)));
        return records.size();
    }

    Record last() {
        return records.get(records.size() - 1);
    }

    List<String> events() {
        return records.stream().map(Record::event).toList();
    }
}
