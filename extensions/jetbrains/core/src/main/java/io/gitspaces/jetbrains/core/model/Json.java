package io.gitspaces.jetbrains.core.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The Gson setup of the protocol: record names as is, nulls omitted, dates as ISO-8601 strings. */
public final class Json {
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /**
     * The shared, thread-safe Gson instance.
     *
     * @return the instance
     */
    public static Gson gson() {
        return GSON;
    }

    /** Reads and writes {@link Instant}s as ISO-8601 strings with an offset (what .NET's DateTimeOffset writes). */
    static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.STRING) {
                throw new JsonParseException("expected an ISO-8601 date string at " + in.getPath());
            }
            String text = in.nextString();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e2) {
                    throw new JsonParseException("not an ISO-8601 date: " + text, e);
                }
            }
        }
    }
}
