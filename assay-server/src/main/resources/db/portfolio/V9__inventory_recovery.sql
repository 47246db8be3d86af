-- What a restart needs to find and mend a version the last run left unfinished. Same dialect rules as V1.
--
-- edge_count: the edges the ingestion wrote from the document, next to component_count, so a version's
-- stored inventory can be compared with what its document produced. Unknown (NULL) for documents stored
-- before this migration; for those only the components are compared.
ALTER TABLE sbom_documents ADD COLUMN edge_count INTEGER;

-- match_pending: the inventory changed and has not been matched against advisories since. The ingestion
-- sets it and the match of the whole version clears it, each in its own transaction, so a server stopped
-- between the two matches the version when it starts again instead of showing it without findings.
ALTER TABLE project_versions ADD COLUMN match_pending BOOLEAN DEFAULT FALSE NOT NULL;
