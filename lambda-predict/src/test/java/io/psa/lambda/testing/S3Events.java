package io.psa.lambda.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The S3 events of {@code events/}, pointed at an object a test uploaded: bucket, key (encoded as
 * S3 encodes keys in events), size, and the ETag and version id S3 gave it.
 */
public final class S3Events {
  private S3Events() {}

  public static byte[] forObject(String eventFile, String bucket, String key, long size,
      PutObjectResponse put) {
    try {
      ObjectNode e = (ObjectNode) Lambdas.JSON.readTree(Files.readAllBytes(Lambdas.event(eventFile)));
      ObjectNode s3 = (ObjectNode) e.path("Records").get(0).path("s3");
      ((ObjectNode) s3.path("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
      ObjectNode o = (ObjectNode) s3.path("object");
      o.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
      o.put("size", size).put("eTag", put.eTag().replace("\"", ""));
      if (put.versionId() == null) {
        o.remove("versionId");
      } else {
        o.put("versionId", put.versionId());
      }
      return Lambdas.JSON.writeValueAsBytes(e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Several records in one event. */
  public static byte[] merge(byte[]... events) {
    try {
      ObjectNode first = (ObjectNode) Lambdas.JSON.readTree(events[0]);
      var records = first.withArray("Records");
      for (int i = 1; i < events.length; i++) {
        records.add(Lambdas.JSON.readTree(events[i]).path("Records").get(0));
      }
      return Lambdas.JSON.writeValueAsBytes(first);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
