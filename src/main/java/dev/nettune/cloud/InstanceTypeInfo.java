package dev.nettune.cloud;

import java.util.Optional;

/** What DescribeInstanceTypes says about an instance type that matters for ENIs and RSS. */
public record InstanceTypeInfo(String instanceType, Optional<Boolean> rssSupport, Optional<Integer> eniQuantity,
        Optional<Integer> eniQueueNumber, Optional<Integer> maximumQueueNumberPerEni) {
}
