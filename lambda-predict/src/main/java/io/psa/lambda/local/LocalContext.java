package io.psa.lambda.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The invocation context of a handler run outside Lambda: a fresh request id, a 15 min budget. */
public final class LocalContext implements Context {
  private final String requestId = UUID.randomUUID().toString();
  private final String function;
  private final long deadline = System.currentTimeMillis() + 15 * 60_000;

  public LocalContext(String function) {
    this.function = function;
  }

  @Override public String getAwsRequestId() { return requestId; }
  @Override public String getLogGroupName() { return "/aws/lambda/" + function; }
  @Override public String getLogStreamName() { return "local"; }
  @Override public String getFunctionName() { return function; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + function; }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
  @Override public int getMemoryLimitInMB() { return (int) (Runtime.getRuntime().maxMemory() >> 20); }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.out.println(message); }
      @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
    };
  }
}
