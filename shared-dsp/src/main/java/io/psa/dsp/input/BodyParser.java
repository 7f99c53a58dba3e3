package io.psa.dsp.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** One parse of a {@code /predict} body: the state {@link PredictRequestReader} must not share. */
final class BodyParser {
  private final BatchBuilder out;
  private final JsonRecordReader records;
  /** The record being read, so that a syntax error inside it names it; -1 outside. */
  private int recordIndex = -1;

  BodyParser(ChannelIndex channels, int maxRecords, int initialCapacity) {
    this.out = new BatchBuilder(channels.channels, Math.max(16, initialCapacity), maxRecords);
    this.records = new JsonRecordReader(channels);
  }

  PredictRequest body(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first != JsonToken.START_OBJECT) {
      String got = first == null ? "an empty body" : JsonRecordReader.describe(p, first);
      throw new ValidationException(Code.MALFORMED, null, -1,
          "the body must be a JSON object, got " + got + JsonRecordReader.at(p.currentTokenLocation()));
    }
    String assetId = null;
    SensorBatch batch = null;
    Map<String, Object> config = null;
    Set<String> keys = new HashSet<>(4);
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken token = p.nextToken();
      if (!keys.add(name)) {
        throw new ValidationException(Code.MALFORMED, name, -1, ValidationException.echo(name)
            + ": appears twice in the body" + JsonRecordReader.at(p.currentTokenLocation()));
      }
      switch (name) {
        case "asset_id" -> assetId = assetId(p, token);
        case "sensor_batch" -> batch = sensorBatch(p, token);
        case "config" -> config = ConfigReader.config(p, token);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw new ValidationException(Code.MALFORMED, null, -1,
          "unexpected content after the body's object" + JsonRecordReader.at(p.currentTokenLocation()));
    }
    if (batch == null) {
      throw new ValidationException(Code.MISSING_FIELD, "sensor_batch", -1,
          "sensor_batch: is missing; the body needs an array of records");
    }
    return new PredictRequest(assetId, batch, config);
  }

  ValidationException malformed(IOException e) {
    return JsonInput.malformed(e, recordIndex, "the body is not valid JSON");
  }

  private static String assetId(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL) {
      return StoredText.assetId(p.getValueAsString());
    }
    throw new ValidationException(Code.INVALID_VALUE, "asset_id", -1,
        "asset_id: must be a string, got " + JsonRecordReader.describe(p, token)
            + JsonRecordReader.at(p.currentTokenLocation()));
  }

  private SensorBatch sensorBatch(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw new ValidationException(Code.INVALID_VALUE, "sensor_batch", -1,
          "sensor_batch: must be an array of records, got " + JsonRecordReader.describe(p, token)
              + JsonRecordReader.at(p.currentTokenLocation()));
    }
    JsonToken element;
    while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
      recordIndex = out.size();
      if (element != JsonToken.START_OBJECT) {
        throw JsonRecordReader.error(Code.INVALID_VALUE, recordIndex, null,
            "must be an object, got " + JsonRecordReader.describe(p, element), p);
      }
      records.read(p, recordIndex, out);
    }
    recordIndex = -1;
    if (out.size() == 0) {
      throw new ValidationException(Code.TOO_LITTLE_DATA, "sensor_batch", -1,
          "sensor_batch: is empty; at least one record is needed");
    }
    return out.build();
  }
}
