// Compiles Upon's stylesheet from GOV.UK Frontend and copies the scripts and images it needs into wwwroot.
// Fonts are not copied: Upon is not a GOV.UK service and does not use GDS Transport.
import { compile } from "sass";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const wwwroot = join(root, "wwwroot");

const result = compile(join(root, "Frontend", "upon.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
mkdirSync(join(wwwroot, "css"), { recursive: true });
writeFileSync(join(wwwroot, "css", "upon.css"), result.css);

mkdirSync(join(wwwroot, "js"), { recursive: true });
cpSync(join(dist, "govuk-frontend.min.js"), join(wwwroot, "js", "govuk-frontend.min.js"));
mkdirSync(join(wwwroot, "assets", "images"), { recursive: true });
for (const image of ["favicon.ico", "favicon.svg"]) {
  cpSync(join(dist, "assets", "images", image), join(wwwroot, "assets", "images", image));
}
