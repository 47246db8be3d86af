-- Each component's shortest dependency path from a root of its version's graph (the subject first), as the
-- purls from that root down to the component separated by newlines. Written at ingest, where the whole graph
-- is in memory: impact analysis then reads one column instead of walking the graph upwards, thousands of
-- index probes for a package found deep in a thousand versions. NULL when unknown (rows written before this
-- migration, or a path too long to keep): readers walk the edges then.
ALTER TABLE components ADD COLUMN root_path VARCHAR(8192);
