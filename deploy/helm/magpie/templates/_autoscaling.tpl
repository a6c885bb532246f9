{{/* keda, hpa or none: KEDA when its CRDs are installed (engine auto), else a CPU HPA. */}}
{{- define "magpie.autoscalingEngine" -}}
{{- $a := .Values.autoscaling -}}
{{- if not $a.enabled -}}
none
{{- else if eq $a.engine "auto" -}}
{{- ternary "keda" "hpa" (.Capabilities.APIVersions.Has "keda.sh/v1alpha1/ScaledObject") -}}
{{- else if has $a.engine (list "keda" "hpa") -}}
{{- $a.engine -}}
{{- else -}}
{{- fail (printf "autoscaling.engine: %q is not one of auto, keda, hpa" $a.engine) -}}
{{- end -}}
{{- end -}}

{{/*
The durable consumers each stage pulls from (configs/nats/nats-server.conf grants exactly these;
a chart test checks it). The generator plans runs from RUNS and fills slot tasks from GEN_TASKS:
both wake it from zero.
*/}}
{{- define "magpie.stageConsumers" -}}
{{- $consumers := dict
  "generator" (list (dict "stream" "RUNS" "consumer" "generator-planner" "lagThreshold" 1) (dict "stream" "GEN_TASKS" "consumer" "generator-tasks"))
  "solver" (list (dict "stream" "RECORDS" "consumer" "solver"))
  "sampler" (list (dict "stream" "RECORDS" "consumer" "sampler"))
  "reward" (list (dict "stream" "RECORDS" "consumer" "reward") (dict "stream" "RECORDS" "consumer" "reward-solutions" "lagThreshold" 1))
  "tagger" (list (dict "stream" "RECORDS" "consumer" "tagger")) -}}
{{- $list := get $consumers .name -}}
{{- if not $list -}}
{{- fail (printf "stages.%s: not a stage (generator, solver, sampler, reward, tagger)" .name) -}}
{{- end -}}
{{- toJson (dict "consumers" $list) -}}
{{- end -}}
