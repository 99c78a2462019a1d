package org.logonrights.model;

import java.util.Map;
import java.util.Objects;

/**
 * A pool's effective {@code processModel}: each value resolved from the pool, then
 * {@code applicationPoolDefaults}, then the IIS schema, with where each came from.
 *
 * @param userName the SpecificUser account as written, or null
 * @param origins origin of each attribute by its IIS name ({@code identityType}, {@code logonType}, ...)
 */
public record ProcessModel(IdentityType identityType, String userName, LogonType logonType,
                           boolean manualGroupMembership, boolean loadUserProfile, boolean setProfileEnvironment,
                           PasswordState password, Map<String, ValueOrigin> origins) {

    public ProcessModel {
        Objects.requireNonNull(identityType, "identityType");
        Objects.requireNonNull(logonType, "logonType");
        Objects.requireNonNull(password, "password");
        origins = Map.copyOf(origins);
        if (userName != null && userName.isBlank()) {
            userName = null;
        }
    }

    public ValueOrigin originOf(String attribute) {
        return origins.getOrDefault(attribute, ValueOrigin.SCHEMA_DEFAULT);
    }
}
