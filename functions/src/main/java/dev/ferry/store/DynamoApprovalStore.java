package dev.ferry.store;

import dev.ferry.approval.Approval;
import dev.ferry.approval.ApprovalStore;
import dev.ferry.approval.Decision;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Placeholder being replaced by the real adapter. */
public class DynamoApprovalStore implements ApprovalStore {

    public DynamoApprovalStore(DynamoDbClient dynamoDb, String tableName) {
    }

    @Override
    public Approval createForWave(Approval approval) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Optional<Approval> find(String approvalId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void replaceTaskToken(String approvalId, String taskToken) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public boolean decide(String approvalId, Decision decision) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void markDelivered(String approvalId) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
