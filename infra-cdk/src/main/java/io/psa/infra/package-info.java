/**
 * The AWS deployment of psa as one CDK stack: {@link io.psa.infra.PsaStack} wires the bucket, the
 * Aurora results database, the migrations, the SageMaker endpoint, the two Lambda functions and
 * the HTTP API; {@link io.psa.infra.PsaSettings} holds every context value; cdk-nag checks it all.
 */
package io.psa.infra;
