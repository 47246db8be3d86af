package dev.assay.policy.admission;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The object under review and the request around it: what an AdmissionReview v1 {@code request} carries,
 * or, for the CLI, a manifest read from a file (a {@code CREATE} by nobody, see {@link #ofManifest}).
 *
 * @param uid the request uid, echoed in the response ({@code ""} for manifests)
 * @param operation CREATE, UPDATE, DELETE or CONNECT
 * @param kind the object's group, version and kind
 * @param resource the plural resource name ({@code pods}); {@code ""} when unknown
 * @param subResource {@code ""} unless the request targets a subresource ({@code ephemeralcontainers})
 * @param namespace {@code ""} for cluster-scoped objects
 * @param name the object's name; may be {@code ""} for a CREATE with generateName
 * @param object the new object; empty for DELETE
 * @param oldObject the previous object for UPDATE and DELETE; empty otherwise
 * @param username the requesting user ({@code ""} for manifests)
 * @param groups the requesting user's groups
 * @param dryRun true when the API server will not persist the object: no side effects allowed
 */
public record AdmissionInput(
        String uid,
        Operation operation,
        GroupVersionKind kind,
        String resource,
        String subResource,
        String namespace,
        String name,
        Map<String, Object> object,
        Map<String, Object> oldObject,
        String username,
        List<String> groups,
        boolean dryRun) {

    public enum Operation {
        CREATE,
        UPDATE,
        DELETE,
        CONNECT
    }

    /** A Kubernetes group/version/kind; the core group is {@code ""}. */
    public record GroupVersionKind(String group, String version, String kind) {
        public GroupVersionKind {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(kind, "kind");
        }

        /** Splits an {@code apiVersion} such as {@code apps/v1} or {@code v1}. */
        public static GroupVersionKind of(String apiVersion, String kind) {
            String api = apiVersion == null ? "" : apiVersion;
            int slash = api.indexOf('/');
            return slash < 0
                    ? new GroupVersionKind("", api, kind == null ? "" : kind)
                    : new GroupVersionKind(api.substring(0, slash), api.substring(slash + 1), kind == null ? "" : kind);
        }
    }

    public AdmissionInput {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subResource, "subResource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        object = object == null ? Map.of() : object;
        oldObject = oldObject == null ? Map.of() : oldObject;
        Objects.requireNonNull(username, "username");
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A manifest from a file, reviewed as the API server would review its creation. */
    public static AdmissionInput ofManifest(Map<String, Object> manifest) {
        Object metadata = manifest.get("metadata");
        String namespace = "";
        String name = "";
        if (metadata instanceof Map<?, ?> meta) {
            namespace = meta.get("namespace") instanceof String s ? s : "";
            name = meta.get("name") instanceof String s ? s : "";
        }
        GroupVersionKind kind = GroupVersionKind.of(
                manifest.get("apiVersion") instanceof String s ? s : "",
                manifest.get("kind") instanceof String s ? s : "");
        return new AdmissionInput(
                "", Operation.CREATE, kind, "", "", namespace, name, manifest, Map.of(), "", List.of(), false);
    }
}
