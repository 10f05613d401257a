// Checks the Kubernetes manifests of a folder (deploy/k8s): every object against the Kubernetes API schemas (the
// validators generated into kubernetes-models), and the rules Homeward's deployment relies on. Prints each problem
// and exits 1 if there is any. Usage: node validate-k8s.mjs <folder> [services.tsv]
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const [folder, servicesFile] = process.argv.slice(2);
if (!folder) {
  console.error("usage: node validate-k8s.mjs <folder> [services.tsv]");
  process.exit(2);
}

const problems = [];
const objects = [];
const files = readdirSync(folder).filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml").sort();

for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(path.join(folder, file), "utf8"))) {
    if (document.errors.length > 0) {
      problems.push(`${file}: ${document.errors.map((error) => error.message).join("; ")}`);
      continue;
    }
    const object = document.toJS();
    if (object == null) continue;
    const where = `${file}: ${object.kind ?? "(no kind)"} ${object.metadata?.name ?? "(no name)"}`;
    let model;
    try {
      model = (await import(`kubernetes-models/${object.apiVersion}`))[object.kind];
    } catch {
      model = undefined;
    }
    if (!model) {
      problems.push(`${where}: unknown apiVersion/kind ${object.apiVersion}/${object.kind}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
    objects.push({ file, where, object });
  }
}

// Every manifest is part of the kustomization, and everything it lists exists.
const kustomization = parseAllDocuments(readFileSync(path.join(folder, "kustomization.yaml"), "utf8"))[0].toJS();
for (const file of files) {
  if (!kustomization.resources.includes(file)) problems.push(`kustomization.yaml: ${file} is not listed`);
}
for (const resource of kustomization.resources) {
  if (!files.includes(resource)) problems.push(`kustomization.yaml: ${resource} does not exist`);
}

const ofKind = (kind) => objects.filter(({ object }) => object.kind === kind);
const named = (kind, name) => ofKind(kind).some(({ object }) => object.metadata.name === name);
const podSpecs = [...ofKind("Deployment"), ...ofKind("Job")];

for (const { where, object } of podSpecs) {
  const pod = object.spec.template.spec;
  for (const container of pod.containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    if (!requests.cpu || !requests.memory || !limits.cpu || !limits.memory) {
      problems.push(`${where}: container ${container.name} needs cpu and memory requests and limits`);
    }
    if (container.securityContext?.runAsNonRoot !== true) {
      problems.push(`${where}: container ${container.name} must run as non-root`);
    }
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef && !named("ConfigMap", source.configMapRef.name)) problems.push(`${where}: no ConfigMap ${source.configMapRef.name}`);
      if (source.secretRef && !named("Secret", source.secretRef.name)) problems.push(`${where}: no Secret ${source.secretRef.name}`);
    }
    if (object.kind === "Deployment") {
      if (container.livenessProbe?.httpGet?.path !== "/health/live") problems.push(`${where}: liveness probe must ask /health/live`);
      if (container.readinessProbe?.httpGet?.path !== "/health/ready") problems.push(`${where}: readiness probe must ask /health/ready`);
    }
  }
  for (const volume of pod.volumes ?? []) {
    if (volume.configMap && !named("ConfigMap", volume.configMap.name)) problems.push(`${where}: no ConfigMap ${volume.configMap.name}`);
  }
}

for (const { where, object } of ofKind("Deployment")) {
  const name = object.metadata.name;
  const podLabels = object.spec.template.metadata.labels;
  const selects = (selector) => Object.entries(selector ?? {}).every(([key, value]) => podLabels[key] === value);
  if (!ofKind("HorizontalPodAutoscaler").some(({ object: hpa }) => hpa.spec.scaleTargetRef.kind === "Deployment" && hpa.spec.scaleTargetRef.name === name)) {
    problems.push(`${where}: no HorizontalPodAutoscaler scales it`);
  }
  if (!ofKind("Service").some(({ object: service }) => service.spec.selector && selects(service.spec.selector))) {
    problems.push(`${where}: no Service selects its pods`);
  }
}

// Secrets in the repository are placeholders: the real values come from the city's secret store.
for (const { where, object } of ofKind("Secret")) {
  if (object.data) problems.push(`${where}: use stringData placeholders, not data`);
  for (const [key, value] of Object.entries(object.stringData ?? {})) {
    if (!String(value).includes("REPLACE-ME")) problems.push(`${where}: ${key} must be a REPLACE-ME placeholder`);
  }
}

// Every process of the platform is deployed, and each one with a database has its migration Job.
if (servicesFile) {
  for (const line of readFileSync(servicesFile, "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [name, , , schema] = line.split("\t");
    if (!named("Deployment", name)) problems.push(`${path.basename(servicesFile)}: ${name} has no Deployment`);
    if (schema !== "-" && !named("Job", `${name}-migrate`)) problems.push(`${path.basename(servicesFile)}: ${name} has no ${name}-migrate Job`);
  }
}

for (const problem of problems) console.log(problem);
console.log(`${objects.length} Kubernetes objects in ${files.length} files checked, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
