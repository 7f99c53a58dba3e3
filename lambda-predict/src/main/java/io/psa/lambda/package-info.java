/**
 * The AWS Lambda functions of psa, thin edges over the core: {@link io.psa.lambda.PredictHandler}
 * ({@code POST /predict} behind API Gateway, scoring in the function or forwarding to a SageMaker
 * endpoint) and {@link io.psa.lambda.MigrationHandler} (the results database's migrations, as a
 * CloudFormation custom resource). Parsing, validation, scoring and the error vocabulary are the
 * core's {@link io.psa.model.service.PredictService}; these classes read events, call it, record
 * results and answer.
 */
package io.psa.lambda;
