package dev.nettune.rss;

/** Which port of a flow a sweep or a search varies. */
public enum PortSide {
    SOURCE,
    DESTINATION;

    /** The flow with this side's port replaced. */
    public Flow withPort(Flow flow, int port) {
        return this == SOURCE
                ? new Flow(flow.source(), flow.destination(), port, flow.destinationPort(), flow.protocol())
                : new Flow(flow.source(), flow.destination(), flow.sourcePort(), port, flow.protocol());
    }

    public String label() {
        return this == SOURCE ? "source" : "destination";
    }
}
