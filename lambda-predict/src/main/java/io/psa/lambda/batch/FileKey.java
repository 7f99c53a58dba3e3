package io.psa.lambda.batch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One uploaded object as an S3 event names it, and where its outputs go: for {@code
 * incoming/<name>}, {@code results/<name>.jsonl}, {@code results/<name>.summary.json}, or {@code
 * failed/<name>} and {@code failed/<name>.error.json}. The identity of a delivery is bucket, key
 * and version id (or the ETag in an unversioned bucket): what the database keys a file's row by.
 *
 * @param bucket the bucket
 * @param key the object key, decoded from the event's URL encoding
 * @param versionId the version id, or null in an unversioned bucket
 * @param etag the ETag, without quotes
 * @param size the object's size in bytes
 */
public record FileKey(String bucket, String key, String versionId, String etag, long size) {

  public static final String INCOMING = "incoming/";

  /** From an event's fields; S3 URL-encodes keys in events (a space arrives as {@code +}). */
  public static FileKey ofEvent(String bucket, String encodedKey, String versionId, String etag,
      long size) {
    String key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
    return new FileKey(bucket, key, versionId == null || versionId.isBlank() ? null : versionId,
        etag == null ? null : etag.replace("\"", ""), size);
  }

  public boolean incoming() {
    return key.startsWith(INCOMING) && key.length() > INCOMING.length() && !key.endsWith("/");
  }

  /** {@code <name>} of {@code incoming/<name>}; may contain slashes. */
  public String name() {
    return key.substring(INCOMING.length());
  }

  /** What identifies this upload: the version id, else the ETag. */
  public String version() {
    return versionId != null ? versionId : etag;
  }

  public String resultsKey() {
    return "results/" + name() + ".jsonl";
  }

  public String summaryKey() {
    return "results/" + name() + ".summary.json";
  }

  public String failedKey() {
    return "failed/" + name();
  }

  public String errorKey() {
    return "failed/" + name() + ".error.json";
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key + (versionId != null ? "?versionId=" + versionId : "");
  }
}
