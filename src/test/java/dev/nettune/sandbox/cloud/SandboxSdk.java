package dev.nettune.sandbox.cloud;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.time.Clock;

/** The real Alibaba Cloud SDK pointed at a freshly seeded local OpenAPI server, the way the adapter does it. */
final class SandboxSdk implements AutoCloseable {
    static final SandboxCredentials KEYS = new SandboxCredentials("LTAI5tTestOnlyFakeKey01", "test-only-fake-secret-01");

    final LocalOpenApiServer server;
    final DefaultAcsClient client;

    SandboxSdk() {
        this(KEYS.accessKeySecret());
    }

    SandboxSdk(String secretTheClientUses) {
        server = new LocalOpenApiServer(DemoSeed.create(Clock.systemUTC()), KEYS).start(0);
        client = client(KEYS.accessKeyId(), secretTheClientUses);
    }

    DefaultAcsClient client(String accessKeyId, String secret) {
        DefaultAcsClient c = new DefaultAcsClient(DefaultProfile.getProfile(DemoSeed.REGION, accessKeyId, secret));
        c.setAutoRetry(false);
        return c;
    }

    <T extends AcsResponse> T call(AcsRequest<T> request) throws ClientException {
        return call(client, request);
    }

    <T extends AcsResponse> T call(DefaultAcsClient c, AcsRequest<T> request) throws ClientException {
        request.setSysEndpoint(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        if (request.getSysRegionId() == null) {
            request.setSysRegionId(DemoSeed.REGION);
        }
        return c.getAcsResponse(request);
    }

    /** A CommonRequest for the ECS API (raw parameters, raw JSON answer), e.g. for EnhancedNetwork.EnableRss. */
    CommonRequest ecs(String action) {
        return common("2014-05-26", action);
    }

    CommonRequest vpc(String action) {
        return common("2016-04-28", action);
    }

    private CommonRequest common(String version, String action) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysDomain(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion(version);
        request.setSysAction(action);
        request.putQueryParameter("RegionId", DemoSeed.REGION);
        return request;
    }

    CommonResponse common(CommonRequest request) throws ClientException {
        return client.getCommonResponse(request);
    }

    @Override
    public void close() {
        client.shutdown();
        server.stop();
    }
}
