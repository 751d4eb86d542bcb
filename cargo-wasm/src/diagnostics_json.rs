//! Our compiler's diagnostics as cargo `compiler-message` JSON, shaped like rustc's so IDEs and CI tools that
//! read `cargo build --message-format=json` understand them unchanged.

use serde_json::{Value, json};
use wasmrust_compiler::{Diagnostic, Diagnostics};

use crate::workspace::{Package, Target};

pub fn messages(diagnostics: &Diagnostics, package: &Package, target: &Target) -> Vec<Value> {
    let single = Diagnostics(Vec::new());
    diagnostics
        .0
        .iter()
        .map(|d| {
            let rendered = {
                let mut one = single.clone();
                one.0.push(d.clone());
                // Drop the trailing "aborting due to" summary: rustc's per-message `rendered` has none.
                let text = one.render(false);
                text.lines().take_while(|l| !l.starts_with("error: aborting due to")).collect::<Vec<_>>().join("\n") + "\n"
            };
            json!({
                "reason": "compiler-message",
                "package_id": package.id,
                "manifest_path": package.manifest_path,
                "target": target,
                "message": message(d, rendered),
            })
        })
        .collect()
}

fn message(d: &Diagnostic, rendered: String) -> Value {
    let children: Vec<Value> = d
        .help
        .iter()
        .map(|h| json!({"message": h, "code": null, "level": "help", "spans": [], "children": [], "rendered": null}))
        .collect();
    let spans = if d.line == 0 {
        json!([])
    } else {
        json!([{
            "file_name": d.file,
            "byte_start": 0,
            "byte_end": 0,
            "line_start": d.line,
            "line_end": d.line,
            "column_start": d.col,
            "column_end": d.col + d.len.max(1),
            "is_primary": true,
            "text": [{"text": d.source_line, "highlight_start": d.col, "highlight_end": d.col + d.len.max(1)}],
            "label": if d.label.is_empty() { Value::Null } else { json!(d.label) },
            "suggested_replacement": null,
            "suggestion_applicability": null,
            "expansion": null,
        }])
    };
    json!({
        "$message_type": "diagnostic",
        "message": d.message,
        "code": {"code": d.code, "explanation": null},
        "level": "error",
        "spans": spans,
        "children": children,
        "rendered": rendered,
    })
}
