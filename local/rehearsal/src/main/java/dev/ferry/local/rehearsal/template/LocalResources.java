package dev.ferry.local.rehearsal.template;

/**
 * What the template's resources are in the local cloud, to resolve the references of the
 * functions' environment.
 *
 * @param region     the region (the MGN target region)
 * @param accountId  the account
 * @param tableName  the name of the DynamoDB table ({@code AWS::DynamoDB::Table})
 * @param topicArn   the ARN of the notification topic ({@code AWS::SNS::Topic})
 * @param httpApiUrl the base URL of the HTTP API ({@code AWS::Serverless::HttpApi}) on the local cloud
 * @param bucketName the name of the report bucket ({@code AWS::S3::Bucket})
 */
public record LocalResources(String region, String accountId, String tableName, String topicArn, String httpApiUrl,
                             String bucketName) {
}
