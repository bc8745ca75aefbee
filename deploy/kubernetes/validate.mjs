// Checks every manifest of deploy/kubernetes against the Kubernetes API schemas, offline, with the kubernetes-models
// package (its validators carry the schemas of the API). Run by CI:
//   npm install --prefix /tmp/k8s-validate kubernetes-models@5 yaml@2
//   NODE_PATH=/tmp/k8s-validate/node_modules node deploy/kubernetes/validate.mjs
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Both packages are ES modules installed outside the repository: load them by path.
const modules = process.env.NODE_PATH ?? "node_modules";
const load = (path) => import(pathToFileURL(join(modules, path)).href);
const { parseAllDocuments } = await load("yaml/dist/index.js");

const model = async (apiVersion, kind) => {
  const group = apiVersion.includes("/") ? apiVersion : `${apiVersion}`;
  try {
    return (await load(`kubernetes-models/${group}/${kind}.js`))[kind];
  } catch {
    return undefined;
  }
};

const directory = dirname(fileURLToPath(import.meta.url));
let checked = 0;
let failed = 0;
for (const file of readdirSync(directory).filter((name) => name.endsWith(".yaml"))) {
  for (const document of parseAllDocuments(readFileSync(join(directory, file), "utf8"))) {
    const manifest = document.toJS();
    if (!manifest) continue;
    const key = `${manifest.apiVersion}/${manifest.kind}`;
    const Model = await model(manifest.apiVersion, manifest.kind);
    if (!Model) {
      console.error(`${file}: no schema known for ${key}`);
      failed++;
      continue;
    }
    try {
      new Model(manifest).validate();
      checked++;
    } catch (error) {
      console.error(`${file}: ${key} ${manifest.metadata?.name}: ${error.message}`);
      failed++;
    }
  }
}
console.log(`${checked} manifests valid, ${failed} invalid`);
process.exit(failed ? 1 : 0);
