package dev.fasthttp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProcessTest {

    @Test
    void heapInUseOfSerialAndG1() {
        String serial = """
                27581:
                DefNew     total 19648K, used 3607K [0x00000000fc000000, 0x00000000fd550000, 0x00000000fd550000)
                 eden space 17472K,  20% used [0x00000000fc000000, 0x00000000fc385ec0, 0x00000000fd110000)
                 from space 2176K,   0% used [0x00000000fd110000, 0x00000000fd110000, 0x00000000fd330000)
                Tenured    total 43712K, used 1166K [0x00000000fd550000, 0x0000000100000000, 0x0000000100000000)
                 the  space 43712K,   2% used [0x00000000fd550000, 0x00000000fd673ab8, 0x0000000100000000)
                 Metaspace       used 1234K, committed 1408K, reserved 1114112K
                """;
        assertThat(ServerProcess.heapUsedBytes(serial)).isEqualTo((3607L + 1166L) * 1024);
        String g1 = """
                 garbage-first heap   total 1048576K, used 24576K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 23 young (23552K), 0 survivors (0K)
                 Metaspace       used 600K, committed 704K, reserved 1114112K
                """;
        assertThat(ServerProcess.heapUsedBytes(g1)).isEqualTo(24576L * 1024);
    }
}
