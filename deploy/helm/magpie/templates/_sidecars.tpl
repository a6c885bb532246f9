{{/*
A stage's backend as a native sidecar (an initContainer with restartPolicy: Always): Kubernetes
starts the stage container only after the sidecar's startupProbe passes, so a stage pulls no work
before its backend answers, and the pod is not Ready while the backend's /health fails.
Input: dict root, name, stage, backend.
*/}}
{{- define "magpie.sidecar" -}}
{{- $b := .backend -}}
{{- if eq $b.kind "vllm" -}}
{{ include "magpie.vllmSidecar" . }}
{{- else if eq $b.kind "armorm" -}}
{{ include "magpie.armormSidecar" . }}
{{- else if eq $b.kind "simulator" -}}
{{ include "magpie.simulatorSidecar" . }}
{{- end -}}
{{- end -}}

{{/* Probes of a backend on its /health. Input: dict port, startup (values). */}}
{{- define "magpie.backendProbes" -}}
startupProbe:
  httpGet: { path: /health, port: backend }
  periodSeconds: {{ .startup.periodSeconds }}
  failureThreshold: {{ .startup.failureThreshold }}
  timeoutSeconds: {{ .startup.timeoutSeconds }}
readinessProbe:
  httpGet: { path: /health, port: backend }
  periodSeconds: 5
  timeoutSeconds: 5
livenessProbe:
  httpGet: { path: /health, port: backend }
  periodSeconds: 15
  timeoutSeconds: 10
  failureThreshold: 4
{{- end -}}

{{- define "magpie.hfEnv" -}}
- name: HF_HOME
  value: /model-cache/huggingface
{{- with .Values.huggingface.tokenSecret.name }}
- name: HF_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.huggingface.tokenSecret.key }}
{{- end }}
{{- if .Values.huggingface.offline }}
- name: HF_HUB_OFFLINE
  value: "1"
{{- end }}
{{- end -}}

{{- define "magpie.gpuResources" -}}
{{- $resources := deepCopy .resources -}}
{{- $limits := $resources.limits | default dict -}}
{{- $requests := $resources.requests | default dict -}}
{{- $_ := set $limits .resourceName (.gpus | toString) -}}
{{- $_ := set $requests .resourceName (.gpus | toString) -}}
{{- $_ := set $resources "limits" $limits -}}
{{- $_ := set $resources "requests" $requests -}}
{{- toYaml $resources -}}
{{- end -}}

{{- define "magpie.vllmSidecar" -}}
{{- $root := .root -}}
{{- $v := $root.Values.vllm -}}
- name: vllm
  image: "{{ $v.image.repository }}:{{ $v.image.tag }}"
  imagePullPolicy: {{ $v.image.pullPolicy }}
  restartPolicy: Always
  command: ["vllm", "serve"]
  args:
    {{- include "magpie.vllmArgs" (dict "root" $root "backend" .backend) | nindent 4 }}
  env:
    {{- include "magpie.hfEnv" $root | nindent 4 }}
    # Caches on writable volumes, so the container also runs as a non-root user (deploy/README.md).
    - name: HOME
      value: /tmp/home
    - name: XDG_CACHE_HOME
      value: /tmp/cache
    - name: VLLM_CACHE_ROOT
      value: /model-cache/vllm
    {{- with $v.env }}{{ include "magpie.extraEnv" . | nindent 4 }}{{ end }}
  ports:
    - { name: backend, containerPort: {{ .backend.port }} }
  {{- include "magpie.backendProbes" (dict "startup" $v.startupProbe) | nindent 2 }}
  resources:
    {{- include "magpie.gpuResources" (dict "resources" .stage.backend.resources "resourceName" $root.Values.gpu.resourceName "gpus" .backend.gpus) | nindent 4 }}
  securityContext:
    {{- toYaml $v.securityContext | nindent 4 }}
  volumeMounts:
    - { name: dshm, mountPath: /dev/shm }
    - { name: model-cache, mountPath: /model-cache }
    - { name: backend-tmp, mountPath: /tmp }
{{- end -}}

{{- define "magpie.armormSidecar" -}}
{{- $root := .root -}}
{{- $r := $root.Values.rewardServer -}}
{{- $s := .backend.serving -}}
- name: reward-server
  image: "{{ $r.image.repository }}:{{ $r.image.tag | default $root.Chart.AppVersion }}"
  imagePullPolicy: {{ $r.image.pullPolicy }}
  restartPolicy: Always
  env:
    - { name: REWARD_MODEL, value: {{ .backend.path | quote }} }
    - { name: SERVED_MODEL_NAME, value: {{ .backend.model | quote }} }
    - { name: PORT, value: {{ .backend.port | quote }} }
    - { name: MAX_BATCH_SIZE, value: {{ $s.maxBatchSize | quote }} }
    - { name: MAX_BATCH_WAIT_MS, value: {{ $r.maxBatchWaitMs | quote }} }
    - { name: MAX_QUEUE, value: {{ mul (int $s.maxBatchSize) (int $r.queueBatches) | quote }} }
    - { name: MAX_LENGTH, value: {{ $s.maxLength | quote }} }
    - { name: DEVICE, value: cuda }
    - { name: DTYPE, value: {{ $s.dtype | quote }} }
    # ArmoRM's gating head is remote code in its repository.
    - { name: TRUST_REMOTE_CODE, value: "true" }
    {{- include "magpie.hfEnv" $root | nindent 4 }}
    {{- with $r.env }}{{ include "magpie.extraEnv" . | nindent 4 }}{{ end }}
  ports:
    - { name: backend, containerPort: {{ .backend.port }} }
  {{- include "magpie.backendProbes" (dict "startup" $r.startupProbe) | nindent 2 }}
  resources:
    {{- include "magpie.gpuResources" (dict "resources" .stage.backend.resources "resourceName" $root.Values.gpu.resourceName "gpus" 1) | nindent 4 }}
  securityContext:
    {{- toYaml $root.Values.securityContext | nindent 4 }}
  volumeMounts:
    - { name: model-cache, mountPath: /model-cache }
    - { name: backend-tmp, mountPath: /tmp }
{{- end -}}

{{- define "magpie.simulatorSidecar" -}}
{{- $root := .root -}}
{{- $sim := $root.Values.simulator -}}
- name: llm-sim
  image: {{ include "magpie.image" $root | quote }}
  imagePullPolicy: {{ $root.Values.image.pullPolicy }}
  restartPolicy: Always
  env:
    - { name: SERVICE, value: llm-sim }
    - { name: SIM_HOST, value: 0.0.0.0 }
    - { name: SIM_PORT, value: {{ .backend.port | quote }} }
    - { name: SIM_TIME_SCALE, value: {{ $sim.timeScale | quote }} }
    - { name: SIM_MAX_NUM_SEQS, value: {{ $sim.maxNumSeqs | quote }} }
    - { name: SIM_SCHEDULING_POLICY, value: priority }
    - { name: SIM_REASONING_PARSER, value: {{ .backend.reasoning | quote }} }
    - { name: LOG_LEVEL, value: {{ $root.Values.logLevel | quote }} }
    {{- with $sim.env }}{{ include "magpie.extraEnv" . | nindent 4 }}{{ end }}
  ports:
    - { name: backend, containerPort: {{ .backend.port }} }
  {{- include "magpie.backendProbes" (dict "startup" (dict "periodSeconds" 2 "failureThreshold" 30 "timeoutSeconds" 2)) | nindent 2 }}
  resources:
    {{- toYaml $sim.resources | nindent 4 }}
  securityContext:
    {{- toYaml $root.Values.securityContext | nindent 4 }}
  volumeMounts:
    - { name: backend-tmp, mountPath: /tmp }
{{- end -}}
