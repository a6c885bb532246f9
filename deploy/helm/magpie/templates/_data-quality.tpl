{{/*
The volume source of the generator's benchmark files, as JSON, or "" when none is configured:
the chart's ConfigMap (files), an existing ConfigMap, or an existing PVC, at most one of them.
*/}}
{{- define "magpie.decontaminationSource" -}}
{{- $d := .Values.dataQuality.decontamination -}}
{{- $sources := list -}}
{{- if $d.files }}{{ $sources = append $sources (dict "configMap" (dict "name" (printf "%s-benchmarks" .Release.Name))) }}{{ end -}}
{{- if $d.configMap }}{{ $sources = append $sources (dict "configMap" (dict "name" $d.configMap)) }}{{ end -}}
{{- if $d.existingClaim }}{{ $sources = append $sources (dict "persistentVolumeClaim" (dict "claimName" $d.existingClaim "readOnly" true)) }}{{ end -}}
{{- if gt (len $sources) 1 -}}
{{- fail "dataQuality.decontamination: set one of files, configMap and existingClaim" -}}
{{- end -}}
{{- with $sources }}{{ first . | toJson }}{{ end -}}
{{- end -}}
