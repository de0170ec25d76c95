package dev.ferry.local.rehearsal.standin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackBlockTest {

    @Test
    void twoRunsHoldingBlocksAtOnceGetDifferentOnesAndAClosedBlockIsFreeAgain() throws IOException {
        int first;
        try (LoopbackBlock one = LoopbackBlock.claim(); LoopbackBlock other = LoopbackBlock.claim()) {
            first = one.number();
            assertThat(other.number()).isNotEqualTo(one.number());
            assertThat(other.network()).isEqualTo("127." + other.number());
        }
        // Free again: its claim can be taken (tests in another JVM may claim blocks meanwhile, so
        // the next claim need not be this one).
        try (ServerSocket claim = new ServerSocket()) {
            claim.bind(new InetSocketAddress(InetAddress.getByName("127." + first + ".0.1"), LoopbackBlock.CLAIM_PORT));
            assertThat(claim.isBound()).isTrue();
        }
    }

    @Test
    void aHeldBlockCannotBeListenedOnAtItsClaimAddressByAnotherProcess() throws IOException {
        try (LoopbackBlock block = LoopbackBlock.claim(); ServerSocket intruder = new ServerSocket()) {
            InetSocketAddress claim = new InetSocketAddress(
                    InetAddress.getByName(block.network() + ".0.1"), LoopbackBlock.CLAIM_PORT);

            assertThatThrownBy(() -> intruder.bind(claim)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void addressesOfTheFirstBlockMoveIntoTheRunsOwnAndNoOthers() throws IOException {
        try (LoopbackBlock zero = LoopbackBlock.claim(); LoopbackBlock block = LoopbackBlock.claim()) {
            String network = block.network();

            assertThat(block.move("127.0.20.10")).isEqualTo(network + ".20.10");
            assertThat(block.move("198.51.100.7")).isEqualTo("198.51.100.7");
            assertThat(block.moveAll("{\"targetValues\": [\"127.0.20.10\"], \"url\": \"http://127.0.20.10:8080/\", "
                    + "\"source\": \"10.127.0.1.5\"}"))
                    .isEqualTo("{\"targetValues\": [\"" + network + ".20.10\"], \"url\": \"http://" + network
                            + ".20.10:8080/\", \"source\": \"10.127.0.1.5\"}");
            assertThat(zero.moveAll("http://127.0.20.10:8080/")).isEqualTo("http://" + zero.network() + ".20.10:8080/");
        }
    }
}
