package org.ledgerbridge.projects;

/** A project of an entity, billed to a customer. */
public record Project(String id, String entity, String customerId, String name, ProjectStatus status) {
}
