"""Neo4j sync: rows (pure translation), sync (push/pull), query (the Cypher library)."""
