/**
 * The local OpenAPI server: a simulated Alibaba Cloud region (ECS and VPC) that the real SDK talks to
 * over HTTP on 127.0.0.1, for the GUI's sandbox region and for every cloud test. See
 * src/docs/local-openapi-server.md for the endpoint, credentials and error-code contract.
 */
package dev.nettune.sandbox.cloud;
