{{/* Names, labels, images and the environment every platform container shares. */}}

{{/* Labels of every object; the instance label comes with the selector labels. */}}
{{- define "magpie.commonLabels" -}}
app.kubernetes.io/part-of: magpie
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "magpie.labels" -}}
{{ include "magpie.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one component (kept from chart 0.1: Deployment selectors are immutable). */}}
{{- define "magpie.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .component }}
{{- end -}}

{{/* Labels of one component's objects and pods. Input: dict root, component. */}}
{{- define "magpie.componentLabels" -}}
{{ include "magpie.commonLabels" .root }}
{{ include "magpie.selectorLabels" . }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "magpie.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* The NATS chart's fullname, as it computes it (release name, or <release>-nats). */}}
{{- define "magpie.natsFullname" -}}
{{- $nats := .Values.nats | default dict -}}
{{- if $nats.fullnameOverride -}}
{{- $nats.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default "nats" $nats.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "magpie.natsUrl" -}}
{{- if .Values.nats.enabled -}}
nats://{{ include "magpie.natsFullname" . }}.{{ .Release.Namespace }}.svc:4222
{{- else if .Values.externalNats.url -}}
{{ .Values.externalNats.url }}
{{- else -}}
{{- fail "externalNats.url: set the NATS URL when nats.enabled is false" -}}
{{- end -}}
{{- end -}}

{{/* host:port of the NATS HTTP monitoring endpoint (KEDA's nats-jetstream trigger); the headless service lets KEDA reach each node. */}}
{{- define "magpie.natsMonitoringEndpoint" -}}
{{- if .Values.nats.enabled -}}
{{ include "magpie.natsFullname" . }}-headless.{{ .Release.Namespace }}.svc.cluster.local:{{ .Values.nats.config.monitor.port }}
{{- else if .Values.externalNats.monitoringEndpoint -}}
{{ .Values.externalNats.monitoringEndpoint }}
{{- else -}}
{{- fail "externalNats.monitoringEndpoint: set NATS's HTTP monitoring host:port for KEDA when nats.enabled is false (or autoscaling.engine=hpa)" -}}
{{- end -}}
{{- end -}}

{{/* Used from this chart and from the NATS subchart ($tplYaml in values.yaml): only Release and global values. */}}
{{- define "magpie.natsUsersSecret" -}}
{{- $global := (.Values.global | default dict).magpie | default dict -}}
{{- $global.natsUsersSecret | default (printf "%s-nats-users" .Release.Name) -}}
{{- end -}}

{{- define "magpie.natsAuthConfigMap" -}}
{{ .Release.Name }}-nats-auth
{{- end -}}

{{/* NATS connection of one component: its own user and only its own password. Input: dict root, user. */}}
{{- define "magpie.natsEnv" -}}
- name: NATS_URL
  value: {{ include "magpie.natsUrl" .root | quote }}
- name: NATS_USER
  value: {{ .user }}
- name: NATS_PASS
  valueFrom:
    secretKeyRef:
      name: {{ include "magpie.natsUsersSecret" .root }}
      key: {{ .user }}
{{- end -}}

{{/* The grace budget: SHUTDOWN_GRACE_MS and terminationGracePeriodSeconds come from one value. */}}
{{- define "magpie.shutdownGraceMs" -}}
{{- mul .Values.shutdown.graceSeconds 1000 -}}
{{- end -}}

{{- define "magpie.terminationGracePeriodSeconds" -}}
{{- if lt (int .Values.shutdown.killMarginSeconds) 1 -}}
{{- fail "shutdown.killMarginSeconds: must be at least 1, so Kubernetes waits longer than SHUTDOWN_GRACE_MS" -}}
{{- end -}}
{{- add .Values.shutdown.graceSeconds .Values.shutdown.killMarginSeconds -}}
{{- end -}}

{{/* Environment of every platform container. Input: dict root, service, user. */}}
{{- define "magpie.platformEnv" -}}
- name: SERVICE
  value: {{ .service }}
{{ include "magpie.natsEnv" (dict "root" .root "user" .user) }}
- name: LOG_LEVEL
  value: {{ .root.Values.logLevel | quote }}
- name: HEALTH_PORT
  value: {{ .root.Values.healthPort | quote }}
- name: SHUTDOWN_GRACE_MS
  value: {{ include "magpie.shutdownGraceMs" .root | quote }}
{{- end -}}

{{/* Extra env from a values map (name: value). */}}
{{- define "magpie.extraEnv" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{- define "magpie.podAnnotations" -}}
{{- if .Values.metrics.podAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .Values.healthPort | quote }}
prometheus.io/path: /metrics
{{- end -}}
{{- end -}}

{{/* Liveness and readiness of a platform container on /healthz. */}}
{{- define "magpie.healthProbes" -}}
readinessProbe:
  httpGet: { path: /healthz, port: health }
  periodSeconds: 5
livenessProbe:
  httpGet: { path: /healthz, port: health }
  periodSeconds: 10
  failureThreshold: 6
{{- end -}}

{{/* The /tmp every read-only platform container writes to. */}}
{{- define "magpie.tmpVolume" -}}
- name: tmp
  emptyDir: { sizeLimit: 1Gi }
{{- end -}}

{{/* "true" when a stage runs: every stage unless it says enabled: false (the tagger by default). Input: the stage's values. */}}
{{- define "magpie.stageEnabled" -}}
{{- if or (not (hasKey . "enabled")) .enabled -}}true{{- end -}}
{{- end -}}

{{/* The names of the stages this release runs, sorted, as a JSON list. */}}
{{- define "magpie.enabledStageNames" -}}
{{- $names := list -}}
{{- range $name, $stage := .Values.stages -}}
{{- if include "magpie.stageEnabled" $stage -}}{{- $names = append $names $name -}}{{- end -}}
{{- end -}}
{{- toJson (sortAlpha $names) -}}
{{- end -}}
