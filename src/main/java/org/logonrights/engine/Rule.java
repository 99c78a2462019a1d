package org.logonrights.engine;

/**
 * A rule the engine evaluates: per pool ({@link PoolRule}), once per machine ({@link MachineRule}), or
 * per pool after its verdict, from the logged events ({@link EventRule}).
 * What a rule is (id, name, severity, the verdicts it can force, its decision and references) is
 * data, its {@link RuleMetadata}; what it detects is its {@code evaluate}. The engine receives its
 * rules; {@code org.logonrights.engine.rules.Rules} is the catalogue.
 */
public sealed interface Rule permits PoolRule, MachineRule, EventRule {

    RuleMetadata metadata();
}
