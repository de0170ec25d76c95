package dev.ferry.store;

import dev.ferry.waits.Wait;
import dev.ferry.waits.WaitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Placeholder being replaced by the real adapter. */
public class DynamoWaitStore implements WaitStore {

    public DynamoWaitStore(DynamoDbClient dynamoDb, String tableName) {
    }

    @Override
    public void open(Wait wait) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Optional<Wait> find(String waitId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<Wait> unreleased() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public boolean tryLease(String waitId, Instant now, Duration lease) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void endLease(String waitId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public boolean claim(String waitId, String taskToken, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void markReleased(String waitId, String taskToken) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
