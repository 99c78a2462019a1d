package org.logonrights.model;

/** Where an effective pool setting came from: IIS inherits attribute by attribute. */
public enum ValueOrigin {
    /** Written on the pool's own {@code <add>} or its {@code processModel}. */
    POOL,
    /** Inherited from {@code applicationPoolDefaults}. */
    POOL_DEFAULTS,
    /** Not written anywhere: the IIS schema default applies. */
    SCHEMA_DEFAULT
}
