package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One OpenAPI action of the simulated region: fills the answer's body (RequestId is added by the server). */
@FunctionalInterface
interface ApiHandler {
    void handle(ApiRequest request, ObjectNode response);
}
