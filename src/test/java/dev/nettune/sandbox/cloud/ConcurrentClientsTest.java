package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.ecs.model.v20140526.CreateNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.CreateNetworkInterfaceResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many clients at once: every create gets its own id, MAC and address; a token retried in parallel still makes one ENI. */
class ConcurrentClientsTest {
    private final SandboxSdk sdk = new SandboxSdk();
    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        sdk.close();
    }

    @Test
    void parallelCreatesGetDistinctIdsMacsAndAddresses() throws Exception {
        List<Future<CreateNetworkInterfaceResponse>> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String token = "parallel-" + i;
            results.add(pool.submit(() -> sdk.call(create(token))));
        }
        Set<String> ids = new HashSet<>();
        Set<String> macs = new HashSet<>();
        Set<String> ips = new HashSet<>();
        for (Future<CreateNetworkInterfaceResponse> result : results) {
            CreateNetworkInterfaceResponse eni = result.get();
            ids.add(eni.getNetworkInterfaceId());
            macs.add(eni.getMacAddress());
            ips.add(eni.getPrivateIpAddress());
        }

        assertThat(ids).hasSize(24);
        assertThat(macs).hasSize(24);
        assertThat(ips).hasSize(24);
    }

    @Test
    void oneTokenRetriedInParallelMakesOneEni() throws Exception {
        int before = sdk.server.cloud().networkInterfaceCount();
        List<Future<CreateNetworkInterfaceResponse>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(pool.submit(() -> sdk.call(create("the-same-token"))));
        }
        Set<String> ids = new HashSet<>();
        for (Future<CreateNetworkInterfaceResponse> result : results) {
            ids.add(result.get().getNetworkInterfaceId());
        }

        assertThat(ids).hasSize(1);
        assertThat(sdk.server.cloud().networkInterfaceCount()).isEqualTo(before + 1);
    }

    private static CreateNetworkInterfaceRequest create(String token) {
        CreateNetworkInterfaceRequest create = new CreateNetworkInterfaceRequest();
        create.setVSwitchId(DemoSeed.VSWITCH_B);
        create.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        create.setClientToken(token);
        return create;
    }
}
