// Parse a GEXF or GraphML file with the parsers Gephi Lite uses (graphology-gexf,
// graphology-graphml) and print its nodes and edges as JSON, for the Python tests.
// Usage: node parse_graph.js gexf|graphml FILE
"use strict";
const fs = require("fs");
const Graph = require("graphology");

const [format, file] = process.argv.slice(2);
const parser = format === "gexf" ? require("graphology-gexf") : require("graphology-graphml");
const graph = parser.parse(Graph, fs.readFileSync(file, "utf8"));
const nodes = [];
graph.forEachNode((key, attributes) => nodes.push({ key, attributes }));
const edges = [];
graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) =>
  edges.push({ source, target, undirected, attributes }));
process.stdout.write(JSON.stringify({ type: graph.type, multi: graph.multi, nodes, edges }));
