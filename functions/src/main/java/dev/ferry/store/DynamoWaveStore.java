package dev.ferry.store;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Placeholder being replaced by the real adapter. */
public class DynamoWaveStore implements WaveStore {

    public DynamoWaveStore(DynamoDbClient dynamoDb, String tableName) {
    }

    @Override
    public WaveRecord create(WaveRecord wave) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Optional<WaveRecord> find(String waveId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void update(WaveRecord wave) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void putServers(Collection<ServerRecord> servers) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void putServer(ServerRecord server) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<ServerRecord> servers(String waveId) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
