package io.psa.lambda.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.ValidationException;
import io.psa.model.service.PredictService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * An API Gateway request as the function receives it: an HTTP API event (payload format 2.0:
 * {@code version} "2.0", {@code requestContext.http.method}) or a REST API proxy event ({@code
 * httpMethod}), with headers by lower-case name and the body decoded from base64 when flagged.
 *
 * @param method e.g. {@code POST}
 * @param headers by lower-case name (REST multi-value headers: the first value)
 * @param body the body's bytes, empty when there is none
 */
public record HttpEvent(String method, Map<String, String> headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A header by name (any case), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * @param maxBodyBytes bodies beyond this are refused before they are decoded
   * @throws ValidationException ({@code malformed}) when the event is not an API Gateway request
   * @throws io.psa.model.service.ApiException {@code PAYLOAD_TOO_LARGE}
   */
  public static HttpEvent parse(byte[] event, long maxBodyBytes) {
    JsonNode e;
    try {
      e = JSON.readTree(event);
    } catch (IOException ex) {
      throw notAnEvent("the event is not JSON");
    }
    if (e == null || !e.isObject()) {
      throw notAnEvent("the event is not a JSON object");
    }
    boolean v2 = "2.0".equals(e.path("version").asText(null));
    String method = v2 ? e.path("requestContext").path("http").path("method").asText(null)
        : e.path("httpMethod").asText(null);
    if (method == null) {
      throw notAnEvent("the event has no HTTP method (requestContext.http.method or httpMethod):"
          + " invoke this function through API Gateway, or with an API Gateway event");
    }
    Map<String, String> headers = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = e.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText());
    }
    return new HttpEvent(method.toUpperCase(Locale.ROOT), headers, body(e, maxBodyBytes));
  }

  private static byte[] body(JsonNode e, long maxBodyBytes) {
    JsonNode b = e.path("body");
    if (b.isMissingNode() || b.isNull()) {
      return new byte[0];
    }
    String text = b.asText();
    if (e.path("isBase64Encoded").asBoolean(false)) {
      // refuse before decoding: 4 base64 characters carry 3 bytes
      long decoded = text.length() / 4 * 3;
      if (decoded > maxBodyBytes + 2) {
        throw PredictService.tooLarge(maxBodyBytes, "about " + decoded + " bytes sent");
      }
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException ex) {
        throw new ValidationException(ValidationException.Code.MALFORMED, "body", -1,
            "body: isBase64Encoded is true but the body is not base64 (" + ex.getMessage() + ")");
      }
    }
    if (text.length() > maxBodyBytes) {
      // a char is at least one UTF-8 byte
      throw PredictService.tooLarge(maxBodyBytes, "at least " + text.length() + " bytes sent");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ValidationException notAnEvent(String why) {
    return new ValidationException(ValidationException.Code.MALFORMED, null, -1, why);
  }
}
