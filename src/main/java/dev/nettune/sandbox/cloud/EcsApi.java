package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECS (2014-05-26) API of the simulated region, one class per resource: {@link EcsRegionsApi}
 * (regions, zones, instance types), {@link EcsInstancesApi}, {@link EcsNetworkInterfacesApi} and
 * {@link EcsSecurityGroupsApi}; plus the paging the Describe calls share. Answers and error codes
 * follow the real API.
 */
final class EcsApi {
    static final String OWNER_ID = "1234567890123456";
    static final String RESOURCE_GROUP = "rg-acfmsandbox00000";

    private final SimulatedCloud cloud;

    EcsApi(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.putAll(new EcsRegionsApi(cloud).handlers());
        handlers.putAll(new EcsInstancesApi(cloud).handlers());
        handlers.putAll(new EcsNetworkInterfacesApi(cloud).handlers());
        handlers.putAll(new EcsSecurityGroupsApi(cloud).handlers());
        // The ECS API still answers these two VPC reads (deprecated there); same shapes as the VPC API.
        VpcApi vpc = new VpcApi(cloud);
        handlers.put("DescribeVpcs", vpc::describeVpcs);
        handlers.put("DescribeVSwitches", vpc::describeVSwitches);
        return handlers;
    }

    /** PageNumber/PageSize paging as the Describe calls do it, writing TotalCount, PageNumber, PageSize. */
    static <T> List<T> page(ApiRequest request, ObjectNode response, List<T> all, int maxPageSize) {
        if (request.optional("NextToken").isPresent() || request.optional("MaxResults").isPresent()) {
            int max = request.optionalInt("MaxResults", 1, maxPageSize).orElse(Math.min(100, maxPageSize));
            int start = request.optional("NextToken").map(t -> {
                try {
                    return Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw OpenApiException.invalidParameter("NextToken", t, "Pass the NextToken of the previous answer unchanged.");
                }
            }).orElse(0);
            int end = Math.min(all.size(), start + max);
            response.put("NextToken", end < all.size() ? String.valueOf(end) : "");
            response.put("TotalCount", all.size());
            return start >= all.size() ? List.of() : all.subList(start, end);
        }
        int pageNumber = request.optionalInt("PageNumber", 1, Integer.MAX_VALUE).orElse(1);
        int pageSize = request.optionalInt("PageSize", 1, maxPageSize).orElse(10);
        response.put("TotalCount", all.size());
        response.put("PageNumber", pageNumber);
        response.put("PageSize", pageSize);
        int start = (pageNumber - 1) * pageSize;
        if (start >= all.size()) {
            return List.of();
        }
        return all.subList(start, Math.min(all.size(), start + pageSize));
    }
}
