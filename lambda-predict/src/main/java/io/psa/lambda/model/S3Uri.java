package io.psa.lambda.model;

/**
 * An {@code s3://bucket/key} address.
 *
 * @param bucket the bucket
 * @param key the key or prefix, possibly empty
 */
public record S3Uri(String bucket, String key) {

  /**
   * @throws IllegalArgumentException naming the value when it is not {@code s3://bucket/...}
   */
  public static S3Uri parse(String uri) {
    if (uri == null || !uri.startsWith("s3://") || uri.length() <= 5 || uri.charAt(5) == '/') {
      throw new IllegalArgumentException("PSA_MODEL_S3_URI must look like s3://bucket/key, got " + uri);
    }
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    return slash < 0 ? new S3Uri(rest, "") : new S3Uri(rest.substring(0, slash), rest.substring(slash + 1));
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
