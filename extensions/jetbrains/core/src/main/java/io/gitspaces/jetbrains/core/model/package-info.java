/**
 * Java mirrors of the wire records in {@code server/Gitspaces.Protocol}: one record per C# record, with the same
 * camelCase property names (Gson maps record components by name). Absent optional members are {@code null};
 * dates are {@link java.time.Instant}s read from ISO-8601 strings. {@code GitspacesProtocolDriftTest} checks the
 * names against {@code docs/protocol.schema.json}.
 */
package io.gitspaces.jetbrains.core.model;
