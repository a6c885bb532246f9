{{/* GPU placement and the model cache of a stage whose backend runs on GPUs. */}}

{{/* True when a stage's replicas share one ReadWriteOnce volume, which only one node can mount. */}}
{{- define "magpie.sharesRwoCache" -}}
{{- $cache := .root.Values.modelCache -}}
{{- $maxReplicas := ternary .stage.autoscaling.maxReplicas .stage.replicas (include "magpie.autoscalingEngine" .root | ne "none") -}}
{{- and (eq $cache.mode "pvc") (has "ReadWriteOnce" $cache.accessModes) (gt (int $maxReplicas) 1) -}}
{{- end -}}

{{/* Input: dict root, name, stage. */}}
{{- define "magpie.gpuScheduling" -}}
{{- $gpu := .root.Values.gpu -}}
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
        - matchExpressions:
            - key: {{ $gpu.productLabel }}
              operator: In
              values:
                {{- toYaml $gpu.products | nindent 16 }}
  {{- if eq (include "magpie.sharesRwoCache" .) "true" }}
  # The replicas share a ReadWriteOnce model cache: keep them on the node that mounts it.
  podAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "magpie.selectorLabels" (dict "root" .root "component" .name) | nindent 12 }}
  {{- end }}
{{- with $gpu.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $gpu.runtimeClassName }}
runtimeClassName: {{ . }}
{{- end }}
{{- end -}}

{{/* Size of a stage's model cache: the value, else the model's checkpoint size with room. Input: dict root, backend. */}}
{{- define "magpie.modelCacheSize" -}}
{{- .root.Values.modelCache.size | default (printf "%vGi" .backend.cacheGiB) -}}
{{- end -}}

{{- define "magpie.modelCacheClaimName" -}}
{{- get .root.Values.modelCache.existingClaims .name | default (printf "%s-%s-model-cache" .root.Release.Name .name) -}}
{{- end -}}

{{/* The pod's model-cache volume. Input: dict root, name, backend. */}}
{{- define "magpie.modelCacheVolume" -}}
{{- $cache := .root.Values.modelCache -}}
- name: model-cache
{{- if eq $cache.mode "pvc" }}
  persistentVolumeClaim:
    claimName: {{ include "magpie.modelCacheClaimName" . }}
{{- else if eq $cache.mode "ephemeral" }}
  ephemeral:
    volumeClaimTemplate:
      metadata:
        labels:
          {{- include "magpie.componentLabels" (dict "root" .root "component" .name) | nindent 10 }}
      spec:
        accessModes: [ReadWriteOnce]
        {{- with $cache.storageClassName }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ include "magpie.modelCacheSize" . }}
{{- else if eq $cache.mode "emptyDir" }}
  emptyDir:
    sizeLimit: {{ include "magpie.modelCacheSize" . }}
{{- else }}
{{- fail (printf "modelCache.mode: %q is not one of pvc, ephemeral, emptyDir" $cache.mode) }}
{{- end }}
{{- end -}}
