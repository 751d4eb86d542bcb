//! Reading cargo's `--message-format=json` stream (also spoken by `cargo wasm build`).

use serde_json::Value;

/// The useful parts of a JSON message stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildMessages {
    /// `filenames` of every `compiler-artifact` message, in order.
    pub artifact_files: Vec<String>,
    /// `executable` of `compiler-artifact` messages that have one.
    pub executables: Vec<String>,
    /// Rendered diagnostics with their level (`error`, `warning`, ...).
    pub diagnostics: Vec<(String, String)>,
}

impl BuildMessages {
    /// Parses one message per line; lines that are not JSON objects (stray prints) are ignored.
    pub fn parse(stdout: &str) -> BuildMessages {
        let mut messages = BuildMessages::default();
        for line in stdout.lines() {
            let Ok(value) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            match value["reason"].as_str() {
                Some("compiler-artifact") => {
                    if let Some(files) = value["filenames"].as_array() {
                        messages
                            .artifact_files
                            .extend(files.iter().filter_map(Value::as_str).map(str::to_owned));
                    }
                    if let Some(executable) = value["executable"].as_str() {
                        messages.executables.push(executable.to_owned());
                    }
                }
                Some("compiler-message") => {
                    let message = &value["message"];
                    let level = message["level"].as_str().unwrap_or("unknown").to_owned();
                    let rendered = message["rendered"]
                        .as_str()
                        .or_else(|| message["message"].as_str())
                        .unwrap_or("")
                        .to_owned();
                    messages.diagnostics.push((level, rendered));
                }
                _ => {}
            }
        }
        messages
    }

    /// The last artifact file ending in `.wasm`.
    pub fn wasm_module(&self) -> Option<&str> {
        self.artifact_files
            .iter()
            .rev()
            .map(String::as_str)
            .find(|file| file.ends_with(".wasm"))
    }

    /// Rendered diagnostics of the given level, concatenated.
    pub fn rendered(&self, level: &str) -> String {
        self.diagnostics
            .iter()
            .filter(|(l, _)| l == level)
            .map(|(_, text)| text.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_module_and_diagnostics() {
        let stream = concat!(
            "{\"reason\":\"compiler-message\",\"message\":{\"level\":\"warning\",\"rendered\":\"warning: unused\\n\"}}\n",
            "not json\n",
            "{\"reason\":\"compiler-artifact\",\"filenames\":[\"/t/a.rlib\"],\"executable\":null}\n",
            "{\"reason\":\"compiler-artifact\",\"filenames\":[\"/t/wasm32/debug/prog.wasm\"],\"executable\":\"/t/prog\"}\n",
            "{\"reason\":\"build-finished\",\"success\":true}\n",
        );
        let messages = BuildMessages::parse(stream);
        assert_eq!(messages.wasm_module(), Some("/t/wasm32/debug/prog.wasm"));
        assert_eq!(messages.executables, ["/t/prog"]);
        assert_eq!(messages.rendered("warning"), "warning: unused\n");
        assert_eq!(messages.rendered("error"), "");
    }

    #[test]
    fn no_artifact_in_an_empty_stream() {
        assert_eq!(BuildMessages::parse("").wasm_module(), None);
    }
}
