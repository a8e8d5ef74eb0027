package dev.nettune.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

/** The shell variable (and Terraform resource name) for each ENI a plan creates: ENI_ID, ENI_ID_2, ... */
public final class PlanNames {
    private final Map<ClientToken, String> variables = new LinkedHashMap<>();

    public String variableFor(ClientToken token) {
        return variables.computeIfAbsent(token, t -> variables.isEmpty() ? "ENI_ID" : "ENI_ID_" + (variables.size() + 1));
    }

    /** The Terraform resource name of the ENI created with this token: eni, eni_2, ... */
    public String terraformNameFor(ClientToken token) {
        String v = variableFor(token);
        return v.equals("ENI_ID") ? "eni" : "eni_" + v.substring("ENI_ID_".length());
    }
}
